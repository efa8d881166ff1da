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
// The token check, faults and page cap live in front.mjs, shared with server-v4.mjs (PostGraphile v4).
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { ConstructiveDialectPreset } from "./constructive-dialect.mjs";
import { ExportSqlActionsPlugin } from "postgraphile-export-sql-actions";
import { serveBehindFront } from "./front.mjs";

const connectionString = process.env.PGPM_SANDBOX_DATABASE_URL;
if (!connectionString) {
  console.error("PGPM_SANDBOX_DATABASE_URL is required");
  process.exit(2);
}
const schemas = (process.env.PGPM_SANDBOX_SCHEMAS || "metaschema_public,services_public,metaschema_modules_public").split(",");
const dialect = process.env.PGPM_SANDBOX_DIALECT || "default";

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

await serveBehindFront(handler, () => pgl.release());
