// exportSqlActions: a PostGraphile v5 plugin that lets an API export a database's generated migration.
// It adds one root field,
//   exportSqlActions(databaseId: UUID!, excludeCategories: [String!]): [ExportSqlAction!]!
// returning the database's rows of db_migrate.sql_actions ordered by id. The query runs on the request's own
// database connection, so the role and JWT claims PostGraphile set for the request apply, and so does any
// row-level security on db_migrate.sql_actions. Nothing else of db_migrate is exposed.
import { extendSchema, gql } from "postgraphile/utils";
import { withPgClient } from "postgraphile/@dataplan/pg";
import { object } from "postgraphile/grafast";

const SQL = `
  SELECT id::text AS id, name, deploy, deps, content, revert, verify, category::text AS category
  FROM db_migrate.sql_actions
  WHERE database_id = $1
    AND ($2::text[] IS NULL OR category IS NULL OR NOT (category::text = ANY ($2::text[])))
  ORDER BY id`;

export const ExportSqlActionsPlugin = extendSchema((build) => {
  const executor = build.input.pgRegistry.pgExecutors.main;
  return {
    typeDefs: gql`
      """
      One row of db_migrate.sql_actions: a change of the database's pgpm package.
      """
      type ExportSqlAction {
        id: BigInt!
        name: String
        deploy: String
        deps: [String]
        content: String
        revert: String
        verify: String
        category: String
      }
      extend type Query {
        """
        The database's generated migration (db_migrate.sql_actions), ordered by id, without the given categories.
        """
        exportSqlActions(databaseId: UUID!, excludeCategories: [String!]): [ExportSqlAction!]!
      }
    `,
    plans: {
      Query: {
        exportSqlActions(_, fieldArgs) {
          const $args = object({ databaseId: fieldArgs.getRaw("databaseId"), exclude: fieldArgs.getRaw("excludeCategories") });
          return withPgClient(executor, $args, async (client, { databaseId, exclude }) => {
            const { rows } = await client.query({ text: SQL, values: [databaseId, exclude ?? null] });
            return rows;
          });
        },
      },
    },
  };
});
