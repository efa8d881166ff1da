// exportSqlActions for PostGraphile v4 (graphile-utils' makeExtendSchemaPlugin): the same root field, arguments,
// order and limits as the v5 plugin in plugins/postgraphile-export-sql-actions, so a test can give a v4 server the
// database package too (ids as String: v4 registers its BigInt scalar only when a column uses it). The query runs on the request's pgClient, under the request's role and claims.
import { createRequire } from "node:module";

const requireV4 = createRequire(createRequire(import.meta.url).resolve("postgraphile-v4"));
const { makeExtendSchemaPlugin, gql } = requireV4("graphile-utils");

const SQL = `
  SELECT a.id::text AS id, a.name, a.deploy, a.deps, a.content, a.revert, a.verify, a.category::text AS category
  FROM db_migrate.sql_actions a
  WHERE a.database_id = $1
    AND ($2::text[] IS NULL OR a.category IS NULL OR NOT (a.category::text = ANY ($2::text[])))
    AND ($3::bigint IS NULL OR a.id > $3::bigint)
  ORDER BY a.id
  LIMIT $4`;
const MAX_FIRST = 10000;

export const ExportSqlActionsPluginV4 = makeExtendSchemaPlugin(() => ({
  typeDefs: gql`
    type ExportSqlAction {
      id: String!
      name: String
      deploy: String
      deps: [String]
      content: String
      revert: String
      verify: String
      category: String
    }
    extend type Query {
      exportSqlActions(databaseId: UUID!, excludeCategories: [String!], after: String, first: Int): [ExportSqlAction!]!
    }
  `,
  resolvers: {
    Query: {
      async exportSqlActions(_query, { databaseId, excludeCategories, after, first }, { pgClient }) {
        if (first != null && (first < 1 || first > MAX_FIRST)) throw new Error(`first must be between 1 and ${MAX_FIRST}`);
        const { rows } = await pgClient.query(SQL, [databaseId, excludeCategories ?? null, after ?? null, first ?? null]);
        return rows;
      },
    },
  },
}));
