// A third-party style exportSqlActions, written the way a PostGraphile v5 user would write it without this project's
// plugin: a root field that returns db_migrate.sql_actions through the table's own GraphQL type, so its fields follow
// the server's inflection (default naming: `id` is the Relay node id and `rowId` the integer; Constructive naming:
// `id` is the integer). Needs db_migrate in the exposed schemas. Two shapes, chosen by the caller:
//   "list"        exportSqlActions(databaseId: UUID!): [SqlAction!]!            (every row at once, ordered by id)
//   "connection"  exportSqlActions(databaseId: UUID!, first, after…): SqlActionsConnection! (PostGraphile adds the paging arguments)
import { extendSchema, gql } from "postgraphile/utils";
import { connection } from "postgraphile/grafast";

export function nodeTypeSqlActionsPlugin(shape) {
  return extendSchema((build) => {
    const resource = Object.values(build.input.pgRegistry.pgResources).find(
      (r) => r.codec?.extensions?.pg?.schemaName === "db_migrate" && r.codec?.extensions?.pg?.name === "sql_actions" && !r.parameters,
    );
    if (!resource) throw new Error("node-type exportSqlActions needs db_migrate.sql_actions in the exposed schemas");
    const type = build.inflection.tableType(resource.codec);
    const connectionType = build.inflection.tableConnectionType(resource.codec);
    const returns = shape === "connection" ? `${connectionType}!` : `[${type}!]!`;
    return {
      typeDefs: gql([`extend type Query { exportSqlActions(databaseId: UUID!): ${returns} }`]),
      plans: {
        Query: {
          exportSqlActions(_, fieldArgs) {
            const $rows = resource.find({ database_id: fieldArgs.getRaw("databaseId") });
            $rows.orderBy({ attribute: "id", direction: "ASC" });
            if (shape !== "connection") return $rows;
            $rows.setOrderIsUnique();
            return connection($rows);
          },
        },
      },
    };
  });
}
