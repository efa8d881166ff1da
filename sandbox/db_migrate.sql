-- db_migrate.sql_actions as Constructive keeps it: the generated migration of each database, one row a change.
-- No npm package ships it, so the sandbox creates it (columns as upstream's export tests define them, plus category).
CREATE SCHEMA IF NOT EXISTS db_migrate;

CREATE TABLE IF NOT EXISTS db_migrate.sql_actions (
  id serial PRIMARY KEY,
  name text,
  database_id uuid,
  deploy text,
  deps text[],
  payload json,
  content text,
  revert text,
  verify text,
  category text,
  created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (database_id, deploy)
);
