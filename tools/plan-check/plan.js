#!/usr/bin/env node
// Prints Apollo's query plan for each operation of a case, over subgraphs composed with
// @apollo/composition, so that the gateway's planner tests can be compared with Apollo's planner.
//
//   node plan.js cases/<case>.json
//
// A case: {"subgraphs": {"<name>": "<sdl>", ...}, "operations": ["{ ... }", ...],
//          "overrideConditions": [{"percent(25)": false}, {"percent(25)": true}]}  (optional:
//          progressive-override labels; every operation is planned once per entry)
const fs = require('fs');
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');
const { QueryPlanner, prettyFormatQueryPlan } = require('@apollo/query-planner');
const { operationFromDocument, Supergraph } = require('@apollo/federation-internals');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const composed = composeServices(
  Object.entries(input.subgraphs).map(([name, sdl]) => ({
    name,
    url: `http://${name}/graphql`,
    typeDefs: parse(sdl),
  })),
);
if (composed.errors) {
  console.log('COMPOSITION ERRORS', composed.errors.map((e) => e.message));
  process.exit(1);
}
const supergraph = Supergraph.build(composed.supergraphSdl);
const planner = new QueryPlanner(supergraph);
for (const op of input.operations) {
  for (const conditions of input.overrideConditions || [null]) {
    const label = conditions ? ' with ' + JSON.stringify(conditions) : '';
    console.log('### ' + op.replace(/\s+/g, ' ') + label);
    try {
      const operation = operationFromDocument(supergraph.apiSchema(), parse(op));
      const options = conditions ? { overrideConditions: new Map(Object.entries(conditions)) } : {};
      console.log(prettyFormatQueryPlan(planner.buildQueryPlan(operation, options)));
    } catch (e) {
      console.log('ERROR ' + e.message);
    }
  }
}
