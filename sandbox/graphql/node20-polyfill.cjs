// PostGraphile 5.1.5 uses Promise.withResolvers (Node 22+); this adds it on Node 20. Loaded with --require.
if (typeof Promise.withResolvers !== "function") {
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
