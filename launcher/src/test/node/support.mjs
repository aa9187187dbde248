// Shared by the client tests: where the gateways are, and a fetch that records what went over the wire.
import { createHash } from 'node:crypto';

// Node 20 lacks Promise.withResolvers (Node 22 has it); Apollo Client 4 uses it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set (FrontEndSystemTest sets it to a running gateway)`);
  }
  return value;
}

/** The development gateway: CORS for localhost, APQ, explorer, @defer. */
export const GATEWAY_URL = () => required('GATEWAY_URL');
/** A gateway in trusted-documents mode `require`, with persisted-query-manifest.json loaded. */
export const TRUSTED_GATEWAY_URL = () => required('TRUSTED_GATEWAY_URL');

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * A fetch for a client that keeps, per request, the method, URL, request body, status, headers
 * and the response body as the chunks in which it arrived (so a test can tell a multipart answer
 * delivered in parts from one written at once).
 */
export function recordingFetch(extraHeaders = {}) {
  const exchanges = [];
  const fetchFn = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extraHeaders)) {
      headers.set(name, value);
    }
    const response = await fetch(input, { ...init, headers });
    const exchange = {
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? init.body : undefined,
      status: response.status,
      headers: response.headers,
      chunks: [],
    };
    exchanges.push(exchange);
    if (!response.body) {
      return response;
    }
    const decoder = new TextDecoder();
    const recorder = new TransformStream({
      transform(chunk, controller) {
        exchange.chunks.push(decoder.decode(chunk, { stream: true }));
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(recorder), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { fetch: fetchFn, exchanges };
}

/** The extensions.code of every GraphQL error in an Apollo Client 4 or urql error, however it came. */
export function errorCodes(error) {
  if (!error) {
    return [];
  }
  const graphQLErrors = error.errors ?? error.graphQLErrors ?? [];
  const codes = graphQLErrors.map((e) => e.extensions?.code);
  if (codes.length === 0 && typeof error.bodyText === 'string') {
    // A non-2xx answer Apollo Client kept as a ServerError: the body is still a GraphQL response.
    try {
      return (JSON.parse(error.bodyText).errors ?? []).map((e) => e.extensions?.code);
    } catch {
      return [];
    }
  }
  return codes;
}
