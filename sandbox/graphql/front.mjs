// The front every sandbox GraphQL server puts before its real PostGraphile handler: it checks the bearer token,
// injects the requested faults, enforces the page cap, then forwards the request as it came. Configured by the
// environment variables server.mjs documents (PGPM_SANDBOX_TOKEN, PGPM_SANDBOX_MAX_PAGE, PGPM_SANDBOX_FAULTS).
// It prints "LISTENING <url>" once it accepts requests and calls `release` then exits on SIGTERM/SIGINT.
import { createServer, request } from "node:http";

function reply(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export async function serveBehindFront(handler, release) {
  const token = process.env.PGPM_SANDBOX_TOKEN || "";
  const maxPage = Number(process.env.PGPM_SANDBOX_MAX_PAGE || 0);
  const faults = (process.env.PGPM_SANDBOX_FAULTS || "").split(",").filter(Boolean).map(Number);

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

  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (faults.length > 0) {
        const status = faults.shift();
        reply(res, status, { errors: [{ message: `injected ${status}` }] }, { "retry-after": "0" });
        return;
      }
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        reply(res, 401, { errors: [{ message: "Invalid or missing bearer token." }] });
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
