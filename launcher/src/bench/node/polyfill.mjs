// Node 20 has no Promise.withResolvers (Node 22 does); Hive Gateway calls it.
// Loaded before each gateway with `node --import ./polyfill.mjs`.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
