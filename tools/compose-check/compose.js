#!/usr/bin/env node
// Composes subgraph SDLs with Apollo's own implementation (@apollo/composition), so that
// podgraph-composition can be cross-checked against it.
// Usage: node compose.js name=url=path.graphql ...
// Prints the supergraph SDL to stdout (exit 0), or one "CODE: message" line per error to stderr (exit 1).
const fs = require('fs');
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');

const services = process.argv.slice(2).map((arg) => {
  // The url may itself contain '=' only after the first one, and the path is the last part.
  const first = arg.indexOf('=');
  const last = arg.lastIndexOf('=');
  if (first < 0 || first === last) {
    console.error(`expected name=url=path, got ${arg}`);
    process.exit(2);
  }
  const name = arg.slice(0, first);
  const url = arg.slice(first + 1, last);
  const path = arg.slice(last + 1);
  return { name, url, typeDefs: parse(fs.readFileSync(path, 'utf8')) };
});

const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  for (const error of result.errors) {
    const code = (error.extensions && error.extensions.code) || 'UNKNOWN';
    console.error(`${code}: ${error.message.replace(/\n/g, ' ')}`);
  }
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
