-- Rows both fixtures share: acme-crm's generated migration (sql_actions, with renaming, dependency-order and
-- category cases) and a second database, other-db, that must never appear in an export of acme-crm.
SET session_replication_role TO replica;

INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category) VALUES
  ('schemas/acme_crm_1a2b_public/schema', 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_public/schema', '{}',
   'CREATE SCHEMA acme_crm_1a2b_public;', 'DROP SCHEMA acme_crm_1a2b_public CASCADE;',
   'SELECT 1/count(*) FROM pg_namespace WHERE nspname = ''acme_crm_1a2b_public'';', 'core'),
  ('schemas/acme_crm_1a2b_public_private/schema', 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_public_private/schema',
   '{schemas/acme_crm_1a2b_public/schema}',
   'CREATE SCHEMA acme_crm_1a2b_public_private;', 'DROP SCHEMA acme_crm_1a2b_public_private CASCADE;', NULL, 'core'),
  ('schemas/acme_crm_1a2b_reports_v2/schema', 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_reports_v2/schema', NULL,
   'CREATE SCHEMA acme_crm_1a2b_reports_v2;', 'DROP SCHEMA acme_crm_1a2b_reports_v2 CASCADE;', NULL, NULL),
  (E'add contacts\r\ntable', 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_public/tables/contacts/table',
   '{metaschema-schema:schemas/metaschema_public/schema,schemas/acme_crm_1a2b_public_private/schema,schemas/acme_crm_1a2b_public/schema}',
   E'CREATE TABLE acme_crm_1a2b_public.contacts (\n  id uuid PRIMARY KEY,\n  note text DEFAULT E''it''''s \\\\ here'',\n  "order" int\n);\nCOMMENT ON TABLE acme_crm_1a2b_public.contacts IS ''Contacts of xacme_crm_1a2b_public and acme_crm_1a2b_public_privatex'';',
   'DROP TABLE acme_crm_1a2b_public.contacts;',
   'SELECT id, note, "order" FROM acme_crm_1a2b_public.contacts WHERE FALSE;', 'app'),
  (NULL, 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_public/procedures/v1.2-helper_fn',
   '{schemas/acme_crm_1a2b_public/tables/contacts/table}',
   E'CREATE FUNCTION acme_crm_1a2b_public."v1.2-helper"(x text) RETURNS text LANGUAGE sql AS $$\n  SELECT regexp_replace(x, ''(a)\\\\d'', ''$&\\\\1'') || '' from acme_crm_1a2b_reports_v2''\n$$;',
   NULL, NULL, 'app'),
  ('seed rows', 'a0000000-0000-4000-8000-00000000000a', 'schemas/acme_crm_1a2b_public/tables/contacts/seed',
   '{schemas/acme_crm_1a2b_public/tables/contacts/table}',
   'INSERT INTO acme_crm_1a2b_public.contacts (id, "order") VALUES (''c0000000-0000-4000-8000-000000000001'', 1);',
   'DELETE FROM acme_crm_1a2b_public.contacts;', NULL, 'seed');

-- ---------------------------------------------------------------- a second database that must not be exported
INSERT INTO metaschema_public.database (id, owner_id, schema_name, name, label) VALUES
  ('b0000000-0000-4000-8000-00000000000b', '0e000000-0000-4000-8000-000000000001', 'other_9z', 'other-db', 'OTHER_DB_MARKER');
INSERT INTO metaschema_public.schema (id, database_id, name, schema_name, category, tags) VALUES
  ('b2000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000b', 'public', 'other_9z_public', 'app', '{}');
INSERT INTO services_public.apis (id, database_id, name, dbname) VALUES
  ('b6000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000b', 'OTHER_DB_MARKER', 'x');
INSERT INTO metaschema_public.export_value_fixture (id, database_id, t) VALUES
  ('bb000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-00000000000b', 'OTHER_DB_MARKER');
INSERT INTO db_migrate.sql_actions (name, database_id, deploy, content) VALUES
  ('OTHER_DB_MARKER', 'b0000000-0000-4000-8000-00000000000b', 'schemas/other_9z_public/schema', 'CREATE SCHEMA other_9z_public;');

SET session_replication_role TO DEFAULT;
