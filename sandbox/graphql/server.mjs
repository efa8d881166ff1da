// A real PostGraphile v5 server on 127.0.0.1 for the tests and the demo. Configured by environment:
//   PGPM_SANDBOX_DATABASE_URL  postgres://… of the database to serve (required)
//   PGPM_SANDBOX_SCHEMAS       comma-separated schemas to expose (default: the three meta schemas)
//   PGPM_SANDBOX_DIALECT       "default" (plain PostGraphile) or "constructive" (Constructive's names and filters)
//   PGPM_SANDBOX_PLUGIN        "1" adds the exportSqlActions plugin this project ships
//   PGPM_SANDBOX_NODE_SQL_ACTIONS  "list" or "connection" adds instead a third-party style exportSqlActions that returns
//                              the table's own node type (node-type-sql-actions.mjs; needs db_migrate in the schemas)
//   PGPM_SANDBOX_TOKEN         when set, every request must carry "Authorization: Bearer <token>"
//   PGPM_SANDBOX_MAX_PAGE      when set, a request whose variables ask for more rows ("first") is refused with
//                              HTTP 400 PAGE_SIZE_TOO_LARGE, as Constructive's server does above 1000
//   PGPM_SANDBOX_RATE_LIMIT    "<per minute>,<burst>": a token bucket per server, as Constructive's server limits a tenant
//                              (default 600 a minute, burst 60); a request without a token gets HTTP 429 with the whole
//                              seconds until the next one in Retry-After and the code RATE_LIMIT_EXCEEDED
//   PGPM_SANDBOX_MAX_REQUEST_BYTES  when set, a body longer than this is refused as Constructive's server does (1 MB by
//                              default there): HTTP 200 with the code REQUEST_TOO_LARGE and { bytes, limit }
//   PGPM_SANDBOX_REQUIRE_DATABASE_ID  "1": a private-mode request (X-Meta-Schema) without X-Database-Id gets HTTP 500
//                              NO_DATABASE_ID, as Constructive's server answers when it cannot tell which database is meant
//   PGPM_SANDBOX_NO_INTROSPECTION  "1" refuses queries asking for __schema or __type with INTROSPECTION_DISABLED, as
//                              Constructive's server does when introspection is off for a database or API
//   PGPM_SANDBOX_FAULTS        comma-separated HTTP statuses (e.g. "503,429") answered, with Retry-After: 0, to
//                              the first requests in that order; later requests are served normally
// It prints "LISTENING <url>" once it accepts requests (the tests wait for that line) and stops on SIGTERM.
// The token check, faults and page cap live in front.mjs, shared with server-v4.mjs (PostGraphile v4).
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { ConstructiveDialectPreset } from "./constructive-dialect.mjs";
import { ExportSqlActionsPlugin } from "postgraphile-export-sql-actions";
import { serveBehindFront } from "./front.mjs";
import { nodeTypeSqlActionsPlugin } from "./node-type-sql-actions.mjs";

const connectionString = process.env.PGPM_SANDBOX_DATABASE_URL;
if (!connectionString) {
  console.error("PGPM_SANDBOX_DATABASE_URL is required");
  process.exit(2);
}
const schemas = (process.env.PGPM_SANDBOX_SCHEMAS || "metaschema_public,services_public,metaschema_modules_public").split(",");
const dialect = process.env.PGPM_SANDBOX_DIALECT || "default";

const preset = {
  extends: [PostGraphileAmberPreset, ...(dialect === "constructive" ? [ConstructiveDialectPreset] : [])],
  plugins: [
    ...(process.env.PGPM_SANDBOX_PLUGIN === "1" ? [ExportSqlActionsPlugin] : []),
    ...(process.env.PGPM_SANDBOX_NODE_SQL_ACTIONS ? [nodeTypeSqlActionsPlugin(process.env.PGPM_SANDBOX_NODE_SQL_ACTIONS)] : []),
  ],
  pgServices: [makePgService({ connectionString, schemas })],
  grafserv: { graphiql: false, maskError: (error) => error },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
await pgl.getSchema();

await serveBehindFront(handler, () => pgl.release());
