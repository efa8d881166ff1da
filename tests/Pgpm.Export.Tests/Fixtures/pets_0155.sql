-- The built-in "pets" sample (sandbox/sample/pets.sql) as a database on Constructive schema version 0.15.5 holds
-- it: metaschema_public.schema has no smart_tags, category, tags or is_public there, and policy has template
-- instead of policy_type. The 0.15.5 parity tests export it.
SET session_replication_role TO replica;

INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash) VALUES
  ('5e7a0000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000001', 'p3t5', 'pets_p3t5', 'pets_p3t5_private', 'pets', 'Pets', '5e7a0000-0000-4000-8000-0000000000ff');

INSERT INTO metaschema_public.schema (id, database_id, name, schema_name, label, description) VALUES
  ('5e7a0001-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', 'public', 'pets_p3t5_public', 'Public', 'What the app shows'),
  ('5e7a0001-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', 'private', 'pets_p3t5_private', 'Private', NULL);

INSERT INTO metaschema_public.table (id, database_id, schema_id, name, label, description, category, use_rls, timestamps, plural_name, singular_name, tags) VALUES
  ('5e7a0002-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0001-0000-4000-8000-000000000001', 'owners', 'Owners', 'People who adopt', 'app', true, true, 'owners', 'owner', '{}'),
  ('5e7a0002-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', '5e7a0001-0000-4000-8000-000000000001', 'pets', 'Pets', E'Animals up for adoption.\nOne row per animal.', 'app', true, true, 'pets', 'pet', '{searchable}');

INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, is_required, default_value, type, field_order, min, max, tags) VALUES
  ('5e7a0003-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000001', 'id', NULL, true, 'uuid_generate_v4()', 'uuid', 1, NULL, NULL, '{}'),
  ('5e7a0003-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000001', 'name', 'Name', true, NULL, 'text', 2, NULL, NULL, '{}'),
  ('5e7a0003-0000-4000-8000-000000000003', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000001', 'email', 'E-mail', false, NULL, 'citext', 3, NULL, NULL, '{contact}'),
  ('5e7a0003-0000-4000-8000-000000000004', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'id', NULL, true, 'uuid_generate_v4()', 'uuid', 1, NULL, NULL, '{}'),
  ('5e7a0003-0000-4000-8000-000000000005', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'name', 'Name', true, NULL, 'text', 2, NULL, NULL, '{}'),
  ('5e7a0003-0000-4000-8000-000000000006', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'species', 'Species', true, '''dog''', 'text', 3, NULL, NULL, '{}'),
  ('5e7a0003-0000-4000-8000-000000000007', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'age', 'Age in years', false, NULL, 'int', 4, 0, 40, '{}'),
  ('5e7a0003-0000-4000-8000-000000000008', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'owner_id', 'Owner', false, NULL, 'uuid', 5, NULL, NULL, '{}');

INSERT INTO metaschema_public.primary_key_constraint (id, database_id, table_id, name, field_ids) VALUES
  ('5e7a0004-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000001', 'owners_pkey', '{5e7a0003-0000-4000-8000-000000000001}'),
  ('5e7a0004-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'pets_pkey', '{5e7a0003-0000-4000-8000-000000000004}');

INSERT INTO metaschema_public.foreign_key_constraint (id, database_id, table_id, name, field_ids, ref_table_id, ref_field_ids, delete_action, update_action) VALUES
  ('5e7a0005-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'pets_owner_id_fkey',
   '{5e7a0003-0000-4000-8000-000000000008}', '5e7a0002-0000-4000-8000-000000000001', '{5e7a0003-0000-4000-8000-000000000001}', 'c', 'a');

INSERT INTO metaschema_public.index (id, database_id, table_id, name, field_ids, access_method, is_unique) VALUES
  ('5e7a0006-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'pets_species_idx', '{5e7a0003-0000-4000-8000-000000000006}', 'btree', false);

INSERT INTO metaschema_public.policy (id, database_id, table_id, name, role_name, privilege, permissive, template, data) VALUES
  ('5e7a0007-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000002', 'anyone reads pets', 'anonymous', 'SELECT', true, 'AuthzAllowAll', '{}'),
  ('5e7a0007-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', '5e7a0002-0000-4000-8000-000000000001', 'owners edit themselves', 'authenticated', 'UPDATE', true, 'AuthzDirectOwner', '{"entity_field": "id"}');

INSERT INTO services_public.apis (id, database_id, name, role_name, anon_role, is_public) VALUES
  ('5e7a0008-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', 'public', 'authenticated', 'anonymous', true);
INSERT INTO services_public.api_schemas (id, database_id, schema_id, api_id) VALUES
  ('5e7a0009-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0001-0000-4000-8000-000000000001', '5e7a0008-0000-4000-8000-000000000001');
INSERT INTO services_public.sites (id, database_id, title, description, logo) VALUES
  ('5e7a000a-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', 'Pets', 'Find a friend', '{"url": "https://cdn.pets.example/logo.png", "mime": "image/png"}');
INSERT INTO services_public.domains (id, database_id, api_id, site_id, subdomain, domain) VALUES
  ('5e7a000b-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0008-0000-4000-8000-000000000001', NULL, 'api', 'pets.example'),
  ('5e7a000b-0000-4000-8000-000000000002', '5e7a0000-0000-4000-8000-000000000001', NULL, '5e7a000a-0000-4000-8000-000000000001', NULL, 'pets.example');

INSERT INTO metaschema_modules_public.rls_module (id, database_id, api_id, schema_id, private_schema_id) VALUES
  ('5e7a000c-0000-4000-8000-000000000001', '5e7a0000-0000-4000-8000-000000000001', '5e7a0008-0000-4000-8000-000000000001',
   '5e7a0001-0000-4000-8000-000000000001', '5e7a0001-0000-4000-8000-000000000002');

INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category) VALUES
  ('schemas/pets_p3t5_public/schema', '5e7a0000-0000-4000-8000-000000000001', 'schemas/pets_p3t5_public/schema', '{}',
   'CREATE SCHEMA pets_p3t5_public;', 'DROP SCHEMA pets_p3t5_public;', 'SELECT pg_catalog.has_schema_privilege(''pets_p3t5_public'', ''usage'');', 'core'),
  ('schemas/pets_p3t5_private/schema', '5e7a0000-0000-4000-8000-000000000001', 'schemas/pets_p3t5_private/schema', '{}',
   'CREATE SCHEMA pets_p3t5_private;', 'DROP SCHEMA pets_p3t5_private;', 'SELECT pg_catalog.has_schema_privilege(''pets_p3t5_private'', ''usage'');', 'core'),
  ('schemas/pets_p3t5_public/tables/owners/table', '5e7a0000-0000-4000-8000-000000000001', 'schemas/pets_p3t5_public/tables/owners/table',
   '{schemas/pets_p3t5_public/schema}',
   E'CREATE TABLE pets_p3t5_public.owners (\n  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),\n  name text NOT NULL,\n  email citext\n);',
   'DROP TABLE pets_p3t5_public.owners;', 'SELECT id, name, email FROM pets_p3t5_public.owners WHERE FALSE;', 'app'),
  ('schemas/pets_p3t5_public/tables/pets/table', '5e7a0000-0000-4000-8000-000000000001', 'schemas/pets_p3t5_public/tables/pets/table',
   '{schemas/pets_p3t5_public/tables/owners/table,schemas/pets_p3t5_public/schema}',
   E'CREATE TABLE pets_p3t5_public.pets (\n  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),\n  name text NOT NULL,\n  species text NOT NULL DEFAULT ''dog'',\n  age int CHECK (age BETWEEN 0 AND 40),\n  owner_id uuid REFERENCES pets_p3t5_public.owners (id) ON DELETE CASCADE\n);\nCREATE INDEX pets_species_idx ON pets_p3t5_public.pets (species);',
   'DROP TABLE pets_p3t5_public.pets;', 'SELECT id, name, species, age, owner_id FROM pets_p3t5_public.pets WHERE FALSE;', 'app'),
  ('schemas/pets_p3t5_public/tables/pets/policies/anyone_reads_pets', '5e7a0000-0000-4000-8000-000000000001', 'schemas/pets_p3t5_public/tables/pets/policies/anyone_reads_pets',
   '{schemas/pets_p3t5_public/tables/pets/table}',
   E'ALTER TABLE pets_p3t5_public.pets ENABLE ROW LEVEL SECURITY;\nCREATE POLICY anyone_reads_pets ON pets_p3t5_public.pets FOR SELECT TO anonymous USING (true);',
   E'DROP POLICY anyone_reads_pets ON pets_p3t5_public.pets;\nALTER TABLE pets_p3t5_public.pets DISABLE ROW LEVEL SECURITY;', NULL, 'app');

SET session_replication_role TO DEFAULT;
