// Front-end clients against the running gateway, as browser apps use them: Apollo Client 4 and urql
// (with their persisted-query links), plus the CORS exchanges a browser makes before and with them.
// Run by launcher's FrontEndSystemTest (`node --test`), which starts the system and sets the URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import {
  GATEWAY_URL,
  TRUSTED_GATEWAY_URL,
  errorCodes,
  recordingFetch,
  sha256,
} from './support.mjs';

const ALLOWED_ORIGIN = 'http://localhost:5173'; // a front end's development server
const REFUSED_ORIGIN = 'https://evil.example';

function apollo(uri, { persisted = false, headers = {} } = {}) {
  const recorder = recordingFetch(headers);
  const http = new HttpLink({ uri, fetch: recorder.fetch });
  const link = persisted ? new PersistedQueryLink({ sha256 }).concat(http) : http;
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache(),
    incrementalHandler: new Defer20220824Handler(),
  });
  return { client, exchanges: recorder.exchanges };
}

// --- CORS: the preflight and the actual request, as a browser on another origin sends them ---

async function preflight(origin) {
  return fetch(GATEWAY_URL(), {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,apollographql-client-name,authorization',
    },
  });
}

test('CORS: a preflight from an allowed origin is answered with that origin and the Apollo headers', async () => {
  const response = await preflight(ALLOWED_ORIGIN);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
  assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  for (const header of ['content-type', 'apollographql-client-name', 'authorization']) {
    assert.ok(allowed.includes(header), `${header} in ${allowed}`);
  }
  assert.ok(Number(response.headers.get('access-control-max-age')) > 0, 'a preflight max-age');
});

test('CORS: a preflight from a refused origin gets no Access-Control-Allow-Origin', async () => {
  const response = await preflight(REFUSED_ORIGIN);
  assert.equal(response.headers.get('access-control-allow-origin'), null);
});

test('CORS: Apollo Client on an allowed origin gets data the browser may read', async () => {
  const { client, exchanges } = apollo(GATEWAY_URL(), { headers: { Origin: ALLOWED_ORIGIN } });
  const result = await client.query({ query: gql`{ episode(number: 201) { number title } }` });
  assert.equal(result.data.episode.number, 201);
  assert.equal(exchanges[0].headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
});

test('CORS: the actual request from a refused origin carries no Access-Control-Allow-Origin', async () => {
  const response = await fetch(GATEWAY_URL(), {
    method: 'POST',
    headers: { Origin: REFUSED_ORIGIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  // Whatever the status, without this header a browser hands the page nothing.
  assert.equal(response.headers.get('access-control-allow-origin'), null);
});

// --- Automatic persisted queries: the first client registers, the second is a hit at once ---

test('APQ: a second Apollo Client is answered from the hash alone', async () => {
  // A text no earlier run registered, so the first client really registers it.
  const query = gql`query Apq { episode(number: 131) { number title } run_${randomUUID().replaceAll('-', '')}: __typename }`;

  const first = apollo(GATEWAY_URL(), { persisted: true });
  const one = await first.client.query({ query });
  assert.equal(one.data.episode.number, 131);
  assert.equal(first.exchanges.length, 2, 'hash refused once, then hash and text');
  assert.equal(JSON.parse(first.exchanges[0].body ?? '{}').query, undefined);

  const second = apollo(GATEWAY_URL(), { persisted: true });
  const two = await second.client.query({ query });
  assert.deepEqual(two.data, one.data);
  assert.equal(second.exchanges.length, 1, 'one request: the hash was known');
  const sent = second.exchanges[0].body
    ? JSON.parse(second.exchanges[0].body)
    : Object.fromEntries(new URL(second.exchanges[0].url).searchParams);
  assert.equal(sent.query, undefined, 'no query text sent');
  assert.match(JSON.stringify(sent.extensions), /sha256Hash/);
});

test('APQ: a second urql client is answered from the hash alone', async () => {
  const query = `query UrqlApq { episode(number: 116) { number title } run_${randomUUID().replaceAll('-', '')}: __typename }`;
  const urql = () => {
    const recorder = recordingFetch();
    const client = new Client({
      url: GATEWAY_URL(),
      fetch: recorder.fetch,
      exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
    });
    return { client, exchanges: recorder.exchanges };
  };

  const first = urql();
  const one = await first.client.query(query, {}).toPromise();
  assert.equal(one.error, undefined, String(one.error));
  assert.equal(one.data.episode.number, 116);
  assert.equal(first.exchanges.length, 2, 'hash refused once, then hash and text');

  const second = urql();
  const two = await second.client.query(query, {}).toPromise();
  assert.equal(two.error, undefined, String(two.error));
  assert.deepEqual(two.data, one.data);
  assert.equal(second.exchanges.length, 1, 'one request: the hash was known');
  assert.equal(second.exchanges[0].method, 'GET');
  assert.equal(new URL(second.exchanges[0].url).searchParams.get('query'), null);
});

// --- Trusted documents (production mode): listed operations run, anything else is refused ---

test('trusted documents: an operation of the manifest runs by its id', async () => {
  const id = '715ee573b41dd2ba500247a2c38e0dbf9bdb829bf40bffaaab0a9b2c4518531f';
  const response = await fetch(TRUSTED_GATEWAY_URL(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ documentId: id, variables: { number: 210 } }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body));
  assert.equal(body.data?.episode?.number, 210, JSON.stringify(body));
});

test('trusted documents: Apollo Client sending an unknown operation is refused', async () => {
  const { client } = apollo(TRUSTED_GATEWAY_URL());
  const result = await client.query({
    query: gql`query NotListed { episodes(first: 1) { edges { node { title } } } }`,
    errorPolicy: 'all',
  });
  assert.equal(result.data, undefined);
  assert.deepEqual(errorCodes(result.error), ['PERSISTED_QUERY_NOT_IN_LIST']);
});

test('trusted documents: a urql client registering an unknown operation by APQ is refused', async () => {
  const client = new Client({
    url: TRUSTED_GATEWAY_URL(),
    exchanges: [persistedExchange(), fetchExchange],
  });
  const result = await client
    .query('query NotListedEither { show { title } }', {})
    .toPromise();
  assert.equal(result.data, undefined);
  assert.ok(
    errorCodes(result.error).includes('PERSISTED_QUERY_NOT_IN_LIST'),
    String(result.error),
  );
});

// --- @defer: multipart/mixed, the deferred fragment in a later part ---

test('@defer: Apollo Client gets the episode first and its guests in a later multipart chunk', async () => {
  const { client, exchanges } = apollo(GATEWAY_URL());
  const query = gql`
    query Deferred {
      episode(number: 201) {
        number
        title
        ... @defer(label: "people") {
          guests { name episodes { number title } }
        }
      }
    }
  `;
  const emitted = [];
  await new Promise((resolve, reject) => {
    const subscription = client
      .watchQuery({ query, fetchPolicy: 'network-only' })
      .subscribe({
        next(result) {
          emitted.push(result);
          if (result.dataState === 'complete') {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
  });

  const exchange = exchanges[0];
  assert.match(exchange.headers.get('content-type'), /^multipart\/mixed/);
  assert.match(exchange.headers.get('content-type'), /deferSpec=20220824/);
  // The first chunk holds the initial payload and nothing of the deferred fragment.
  assert.match(exchange.chunks[0], /"hasNext":true/);
  assert.doesNotMatch(exchange.chunks[0], /"guests"/);
  const later = exchange.chunks.slice(1).join('');
  assert.match(later, /"incremental"/);
  assert.match(later, /"label":"people"/);
  assert.match(later, /"hasNext":false/);

  // What the application sees: the episode while streaming, then the episode with its guests.
  const streaming = emitted.find((r) => r.dataState === 'streaming');
  assert.ok(streaming, `a streaming result among ${emitted.map((r) => r.dataState)}`);
  assert.equal(streaming.data.episode.title, 'How To Include Redis In Your Application Architecture');
  assert.equal(streaming.data.episode.guests, undefined);
  const complete = emitted.at(-1);
  assert.deepEqual(
    complete.data.episode.guests.map((g) => g.name),
    ['Andy McCurdy', 'Christoph Zimmerman'],
  );
});

test('@defer: a client that does not accept multipart gets one JSON document', async () => {
  const response = await fetch(GATEWAY_URL(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      query: '{ episode(number: 201) { number ... @defer { guests { name } } } }',
    }),
  });
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const body = await response.json();
  assert.equal(body.data.episode.guests.length, 2);
});
