#!/usr/bin/env node
// Composes subgraph SDLs with Apollo's own implementation (@apollo/composition), so that
// podgraph-composition can be cross-checked against it.
//
//   node compose.js name=url=path.graphql ...
//     prints the supergraph SDL to stdout (exit 0), or one "CODE: message" line per error to
//     stderr (exit 1) -- the same contract as dev.podgraph.composition.ComposeMain.
//
//   node compose.js --fixtures <dir> --out <dir>
//     composes every <dir>/<case>/*.graphql (subgraph name = file name, url http://<name>:4000/graphql)
//     and writes <out>/<case>.graphql or <out>/<case>.errors: one Node start for all cases.
const fs = require('fs');
const path = require('path');
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');

function compose(services) {
  const result = composeServices(
    services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors && result.errors.length > 0) {
    const lines = result.errors.map((error) => {
      const code = (error.extensions && error.extensions.code) || 'UNKNOWN';
      return `${code}: ${error.message.replace(/\n/g, ' ')}`;
    });
    return { errors: lines };
  }
  return { supergraphSdl: result.supergraphSdl };
}

function composeFixtures(fixturesDir, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of fs.readdirSync(fixturesDir).sort()) {
    const dir = path.join(fixturesDir, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const services = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()
      .map((f) => {
        const subgraph = f.slice(0, -'.graphql'.length);
        return {
          name: subgraph,
          url: `http://${subgraph}:4000/graphql`,
          sdl: fs.readFileSync(path.join(dir, f), 'utf8'),
        };
      });
    let result;
    try {
      result = compose(services);
    } catch (e) {
      result = { errors: [`INVALID_GRAPHQL: ${String(e.message).replace(/\n/g, ' ')}`] };
    }
    if (result.errors) {
      fs.writeFileSync(path.join(outDir, `${name}.errors`), result.errors.join('\n') + '\n');
    } else {
      fs.writeFileSync(path.join(outDir, `${name}.graphql`), result.supergraphSdl);
    }
  }
}

const args = process.argv.slice(2);
if (args[0] === '--fixtures') {
  if (args.length !== 4 || args[2] !== '--out') {
    console.error('usage: compose.js --fixtures <dir> --out <dir>');
    process.exit(2);
  }
  composeFixtures(args[1], args[3]);
  process.exit(0);
}

const services = args.map((arg) => {
  // The url may itself contain '=': the name ends at the first one, the path starts after the last.
  const first = arg.indexOf('=');
  const last = arg.lastIndexOf('=');
  if (first <= 0 || first === last) {
    console.error(`expected name=url=path, got ${arg}`);
    process.exit(2);
  }
  return {
    name: arg.slice(0, first),
    url: arg.slice(first + 1, last),
    sdl: fs.readFileSync(arg.slice(last + 1), 'utf8'),
  };
});
let result;
try {
  result = compose(services);
} catch (e) {
  result = { errors: [`INVALID_GRAPHQL: ${String(e.message).replace(/\n/g, ' ')}`] };
}
if (result.errors) {
  for (const line of result.errors) console.error(line);
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
