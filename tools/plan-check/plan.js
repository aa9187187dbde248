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
const {
  operationFromDocument,
  Supergraph,
  ROUTER_SUPPORTED_SUPERGRAPH_FEATURES,
} = require('@apollo/federation-internals');

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
// The router's feature set: the default one refuses `@context` (context/v0.1, for: SECURITY).
const supergraph = Supergraph.build(composed.supergraphSdl, {
  supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES,
});
const planner = new QueryPlanner(supergraph);
for (const op of input.operations) {
  for (const conditions of input.overrideConditions || [null]) {
    const label = conditions ? ' with ' + JSON.stringify(conditions) : '';
    console.log('### ' + op.replace(/\s+/g, ' ') + label);
    try {
      const operation = operationFromDocument(supergraph.apiSchema(), parse(op));
      const options = conditions ? { overrideConditions: new Map(Object.entries(conditions)) } : {};
      const plan = planner.buildQueryPlan(operation, options);
      console.log(prettyFormatQueryPlan(plan));
      printContextRewrites(plan.node);
    } catch (e) {
      console.log('ERROR ' + e.message);
    }
  }
}

// The pretty format leaves out a fetch's contextRewrites (@fromContext): print them with the
// operation the subgraph receives.
function printContextRewrites(node) {
  if (!node) return;
  if (node.kind === 'Fetch' && node.contextRewrites && node.contextRewrites.length > 0) {
    console.log('contextRewrites of Fetch(service: "' + node.serviceName + '"):');
    console.log('  ' + JSON.stringify(node.contextRewrites));
    console.log('  operation: ' + node.operation.replace(/\s+/g, ' '));
  }
  for (const child of node.nodes || []) printContextRewrites(child);
  if (node.node) printContextRewrites(node.node);
}
