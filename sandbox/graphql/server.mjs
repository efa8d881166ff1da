// A real PostGraphile v5 server on 127.0.0.1 for the tests and the demo. Configured by environment:
//   PGPM_SANDBOX_DATABASE_URL  postgres://… of the database to serve (required)
//   PGPM_SANDBOX_SCHEMAS       comma-separated schemas to expose (default: the three meta schemas)
//   PGPM_SANDBOX_DIALECT       "default" (plain PostGraphile) or "constructive" (Constructive's names and filters)
//   PGPM_SANDBOX_PLUGIN        "1" adds the exportSqlActions plugin this project ships
//   PGPM_SANDBOX_TOKEN         when set, every request must carry "Authorization: Bearer <token>"
//   PGPM_SANDBOX_MAX_PAGE      when set, a request whose variables ask for more rows ("first") is refused with
//                              HTTP 400 PAGE_SIZE_TOO_LARGE, as Constructive's server does above 1000
//   PGPM_SANDBOX_FAULTS        comma-separated HTTP statuses (e.g. "503,429") answered, with Retry-After: 0, to
//                              the first requests in that order; later requests are served normally
// It prints "LISTENING <url>" once it accepts requests (the tests wait for that line) and stops on SIGTERM.
import { createServer, request } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { ConstructiveDialectPreset } from "./constructive-dialect.mjs";
import { ExportSqlActionsPlugin } from "postgraphile-export-sql-actions";

const connectionString = process.env.PGPM_SANDBOX_DATABASE_URL;
if (!connectionString) {
  console.error("PGPM_SANDBOX_DATABASE_URL is required");
  process.exit(2);
}
const schemas = (process.env.PGPM_SANDBOX_SCHEMAS || "metaschema_public,services_public,metaschema_modules_public").split(",");
const dialect = process.env.PGPM_SANDBOX_DIALECT || "default";
const token = process.env.PGPM_SANDBOX_TOKEN || "";
const maxPage = Number(process.env.PGPM_SANDBOX_MAX_PAGE || 0);
const faults = (process.env.PGPM_SANDBOX_FAULTS || "").split(",").filter(Boolean).map(Number);

const preset = {
  extends: [PostGraphileAmberPreset, ...(dialect === "constructive" ? [ConstructiveDialectPreset] : [])],
  plugins: process.env.PGPM_SANDBOX_PLUGIN === "1" ? [ExportSqlActionsPlugin] : [],
  pgServices: [makePgService({ connectionString, schemas })],
  grafserv: { graphiql: false, maskError: (error) => error },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
await pgl.getSchema();

function reply(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

// grafserv serves on an inner port; the outer server in front of it checks the token, injects the requested
// faults and enforces the page cap, then forwards the request as it came.
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
const stop = () => server.close(() => inner.close(() => pgl.release().then(() => process.exit(0))));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
