// exportSqlActions: a PostGraphile v5 plugin that lets an API export a database's generated migration.
// It adds one root field,
//   exportSqlActions(databaseId: UUID!, excludeCategories: [String!], after: BigInt, first: Int): [ExportSqlAction!]!
// returning the database's rows of db_migrate.sql_actions ordered by id: with `after`, only ids above it; with
// `first`, at most that many (a client pages by passing the last id it got as `after`). The query runs on the request's own
// database connection, so the role and JWT claims PostGraphile set for the request apply, and so does any
// row-level security on db_migrate.sql_actions. Nothing else of db_migrate is exposed.
import { extendSchema, gql } from "postgraphile/utils";
import { withPgClient } from "postgraphile/@dataplan/pg";
import { object } from "postgraphile/grafast";

const SQL = `
  SELECT a.id::text AS id, a.name, a.deploy, a.deps, a.content, a.revert, a.verify, a.category::text AS category
  FROM db_migrate.sql_actions a
  WHERE a.database_id = $1
    AND ($2::text[] IS NULL OR a.category IS NULL OR NOT (a.category::text = ANY ($2::text[])))
    AND ($3::bigint IS NULL OR a.id > $3::bigint)
  ORDER BY a.id
  LIMIT $4`;

// Larger pages are refused rather than silently cut, so a client never mistakes a cut page for the last one.
const MAX_FIRST = 10000;

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
        The database's generated migration (db_migrate.sql_actions), ordered by id, without the given categories:
        the rows with an id above "after" (all when null), at most "first" of them (all when null; at most 10000).
        """
        exportSqlActions(databaseId: UUID!, excludeCategories: [String!], after: BigInt, first: Int): [ExportSqlAction!]!
      }
    `,
    plans: {
      Query: {
        exportSqlActions(_, fieldArgs) {
          const $args = object({
            databaseId: fieldArgs.getRaw("databaseId"),
            exclude: fieldArgs.getRaw("excludeCategories"),
            after: fieldArgs.getRaw("after"),
            first: fieldArgs.getRaw("first"),
          });
          return withPgClient(executor, $args, async (client, { databaseId, exclude, after, first }) => {
            if (first != null && (first < 1 || first > MAX_FIRST))
              throw new Error(`first must be between 1 and ${MAX_FIRST}`);
            const { rows } = await client.query({ text: SQL, values: [databaseId, exclude ?? null, after ?? null, first ?? null] });
            return rows;
          });
        },
      },
    },
  };
});
