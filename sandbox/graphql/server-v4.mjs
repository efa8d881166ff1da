// A real PostGraphile v4 server (4.14.1, installed as "postgraphile-v4") on 127.0.0.1: the dialect of Constructive's
// older servers, with v4's own names (allSchemata, nodeId beside the integer or uuid id, condition:, PRIMARY_KEY_ASC).
// The same environment as server.mjs (database, schemas, plugin, token, page cap, faults), plus:
//   PGPM_SANDBOX_V4_DYNAMIC_JSON  "1" serves json/jsonb as JSON values (dynamicJson: true); otherwise, as v4 does out of
//                                 the box, as strings holding the JSON text
// It prints "LISTENING <url>" once it accepts requests (the tests wait for that line) and stops on SIGTERM.
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import pg from "pg";
import { serveBehindFront } from "./front.mjs";

// npm hoists v4's graphql-parse-resolve-info beside PostGraphile v5, where "graphql" is v5's 16.x; v4 must see only its
// own 15.x, or it fails every query with "Cannot use GraphQLList from another module or realm". This process runs
// v4 alone, so every "graphql" is sent to v4's copy.
const v4Graphql = dirname(createRequire(createRequire(import.meta.url).resolve("postgraphile-v4")).resolve("graphql/package.json"));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "graphql" || request.startsWith("graphql/")) request = v4Graphql + request.slice("graphql".length);
  return resolve.call(this, request, ...rest);
};
const { postgraphile } = (await import("postgraphile-v4")).default;
const { ExportSqlActionsPluginV4 } = await import("./export-sql-actions-v4.mjs");

const connectionString = process.env.PGPM_SANDBOX_DATABASE_URL;
if (!connectionString) {
  console.error("PGPM_SANDBOX_DATABASE_URL is required");
  process.exit(2);
}
const schemas = (process.env.PGPM_SANDBOX_SCHEMAS || "metaschema_public,services_public,metaschema_modules_public").split(",");

const pool = new pg.Pool({ connectionString });
const handler = postgraphile(pool, schemas, {
  dynamicJson: process.env.PGPM_SANDBOX_V4_DYNAMIC_JSON === "1",
  appendPlugins: process.env.PGPM_SANDBOX_PLUGIN === "1" ? [ExportSqlActionsPluginV4] : [],
  graphiql: false,
  disableQueryLog: true,
  extendedErrors: ["hint", "detail", "errcode"],
  retryOnInitFail: false,
});
// v4 builds its schema lazily; build it now so a broken schema fails the start, not the first request.
await handler.getGraphQLSchema();

await serveBehindFront(handler, () => pool.end());
