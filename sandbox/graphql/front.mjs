// The front every sandbox GraphQL server puts before its real PostGraphile handler: it injects the requested faults,
// applies the rules of Constructive's server (rate limit, request body cap, X-Database-Id in private mode), checks the
// bearer token, enforces the page cap, then forwards the request as it came. Configured by the environment variables
// server.mjs documents (PGPM_SANDBOX_TOKEN, PGPM_SANDBOX_MAX_PAGE, PGPM_SANDBOX_FAULTS, PGPM_SANDBOX_RATE_LIMIT,
// PGPM_SANDBOX_MAX_REQUEST_BYTES, PGPM_SANDBOX_REQUIRE_DATABASE_ID,
// PGPM_SANDBOX_NO_INTROSPECTION).
// It prints "LISTENING <url>" once it accepts requests and calls `release` then exits on SIGTERM/SIGINT.
// GET /_sandbox/requests answers {"graphql": N}, the GraphQL requests (POSTs) received so far, so a test can tell how
// many pages a command asked for (e.g. that a pipeline stopped early).
import { createServer, request } from "node:http";

function reply(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export async function serveBehindFront(handler, release) {
  const token = process.env.PGPM_SANDBOX_TOKEN || "";
  const maxPage = Number(process.env.PGPM_SANDBOX_MAX_PAGE || 0);
  const faults = (process.env.PGPM_SANDBOX_FAULTS || "").split(",").filter(Boolean).map(Number);
  const [ratePerMinute, rateBurst] = (process.env.PGPM_SANDBOX_RATE_LIMIT || "").split(",").map(Number);
  const maxRequestBytes = Number(process.env.PGPM_SANDBOX_MAX_REQUEST_BYTES || 0);
  const requireDatabaseId = process.env.PGPM_SANDBOX_REQUIRE_DATABASE_ID === "1";

  // A token bucket: `rateBurst` tokens at most, refilled at `ratePerMinute` a minute; each request takes one.
  // Answers the seconds to wait when none is left, 0 when the request may go.
  let tokens = rateBurst || 0;
  let refilledAt = Date.now();
  function takeToken() {
    const now = Date.now();
    tokens = Math.min(rateBurst, tokens + ((now - refilledAt) / 60000) * ratePerMinute);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - tokens) * 60) / ratePerMinute));
  }
  const noIntrospection = process.env.PGPM_SANDBOX_NO_INTROSPECTION === "1";

  const inner = createServer(handler);
  await new Promise((resolve) => inner.listen(0, "127.0.0.1", resolve));
  const innerPort = inner.address().port;

  function forward(req, res, body) {
    const upstream = request(
      { host: "127.0.0.1", port: innerPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => reply(res, 502, { errors: [{ message: String(error) }] }));
    upstream.end(body);
  }

  let graphqlRequests = 0;
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/_sandbox/requests") {
      reply(res, 200, { graphql: graphqlRequests });
      return;
    }
    if (req.method === "POST") graphqlRequests += 1;
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (faults.length > 0) {
        const status = faults.shift();
        reply(res, status, { errors: [{ message: `injected ${status}` }] }, { "retry-after": "0" });
        return;
      }
      if (ratePerMinute && req.method === "POST") {
        const wait = takeToken();
        if (wait > 0) {
          reply(res, 429, { errors: [{ message: "Rate limit exceeded.", extensions: { code: "RATE_LIMIT_EXCEEDED" } }] }, { "retry-after": String(wait) });
          return;
        }
      }
      if (maxRequestBytes && body.length > maxRequestBytes) {
        reply(res, 200, { errors: [{ message: "Request body too large.", extensions: { code: "REQUEST_TOO_LARGE", context: { bytes: body.length, limit: maxRequestBytes } } }] });
        return;
      }
      if (requireDatabaseId && req.headers["x-meta-schema"] && !req.headers["x-database-id"]) {
        reply(res, 500, { errors: [{ message: "No database id resolved for this request. A database id is required; there is no default database.", extensions: { code: "NO_DATABASE_ID" } }] });
        return;
      }
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        reply(res, 401, { errors: [{ message: "Invalid or missing bearer token." }] });
        return;
      }
      // Constructive's server, with introspection switched off for the database or API, refuses any query that
      // asks for __schema or __type with this code; ordinary queries still run.
      if (noIntrospection && /__schema|__type\b/.test(body.toString("utf8"))) {
        reply(res, 200, { errors: [{ message: "Introspection is disabled for this API", extensions: { code: "INTROSPECTION_DISABLED" } }] });
        return;
      }
      if (maxPage && req.method === "POST") {
        let first = 0;
        try {
          first = Number(JSON.parse(body.toString("utf8"))?.variables?.first || 0);
        } catch {}
        if (first > maxPage) {
          reply(res, 400, { errors: [{ message: `first must be at most ${maxPage}`, extensions: { code: "PAGE_SIZE_TOO_LARGE" } }] });
          return;
        }
      }
      forward(req, res, body);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    console.log(`LISTENING http://127.0.0.1:${port}/graphql`);
  });
  const stop = () => server.close(() => inner.close(() => Promise.resolve(release()).then(() => process.exit(0))));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
