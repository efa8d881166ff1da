-- acme-crm's metadata with hostile values in every rendered type (shared_rows.sql adds its sql_actions and a second
-- database). Triggers are off while loading, as they are for a deploy.
SET session_replication_role TO replica;

-- ---------------------------------------------------------------- the exported database: acme-crm
INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash) VALUES
  ('a0000000-0000-4000-8000-00000000000a', '0e000000-0000-4000-8000-000000000001', 'h1a2b', 'acme_crm_1a2b', 'acme_crm_1a2b_private_x',
   'acme-crm', 'ACME 🚀 CRM — ''quoted''', 'a1000000-0000-4000-8000-000000000001');

INSERT INTO metaschema_public.schema (id, database_id, name, schema_name, label, description, smart_tags, category, module, scope, tags, is_public) VALUES
  ('a2000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'public', 'acme_crm_1a2b_public', 'Public',
   E'Public schema of acme_crm_1a2b_public: 中文 עברית مرحبا', '{"z": 1, "a": [1, 2.50, null, false, 0, ""], "nested": {"q": "quote \" and \\ backslash\nnewline"}, "big": 12345678901234567890, "f": 4.0}',
   'core', NULL, 1, '{"a,b","{x}","q\"uote","back\\slash",NULL,"",Mixed}', true),
  ('a2000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'private', 'acme_crm_1a2b_public_private', 'NULL',
   '', 'null', 'module', 'auth', NULL, '{}', false),
  ('a2000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-00000000000a', 'reports_v2', 'acme_crm_1a2b_reports_v2', NULL,
   NULL, NULL, 'app', NULL, 0, '{}', true);

INSERT INTO metaschema_public.table (id, database_id, schema_id, name, label, description, smart_tags, category, use_rls, timestamps, plural_name, singular_name, tags) VALUES
  ('a3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a2000000-0000-4000-8000-000000000001', 'contacts', 'NULL', '',
   '{"omit": false}', 'app', true, true, 'contacts', 'contact', '{}'),
  ('a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'a2000000-0000-4000-8000-000000000001', 'order', NULL, NULL,
   '0', 'core', false, false, NULL, NULL, '{NULL}'),
  ('a3000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-00000000000a', 'a2000000-0000-4000-8000-000000000003', 'user', E'tab\there', E'line1\nline2\r\nline3',
   '""', 'module', false, false, NULL, NULL, '{"{}",","}');

INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, description, smart_tags, is_required, default_value, default_value_ast, type, field_order, regexp, chk, chk_expr, min, max, tags) VALUES
  ('a4000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a3000000-0000-4000-8000-000000000001', 'id', NULL, NULL, NULL, true,
   'uuid_generate_v4()', '{"A_Const": {"val": {"String": {"str": "x"}}}}', 'uuid', 1, NULL, 'null', 'false', 'NaN', 'Infinity', '{}'),
  ('a4000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'a3000000-0000-4000-8000-000000000001', 'email', '', 'NULL', '{}', false,
   E'E''it''''s \\\\ a backslash''', NULL, 'citext', 2, E'^[^@\\s]+@[^@\\s]+$', '0', '""', '-Infinity', '1.5e+300', '{Email,EMAIL}'),
  ('a4000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-00000000000a', 'a3000000-0000-4000-8000-000000000001', 'notes', E'multi\nline', E'"double" and ''single''', NULL, false,
   NULL, '[]', 'text', 3, '$&', '[1, 2.0, -3e5]', '{"a": {"b": [true, null]}}', '0.1', '-0', '{}'),
  ('a4000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-00000000000a', 'a3000000-0000-4000-8000-000000000002', 'position', '👩‍👩‍👧 family', E'carriage\rreturn', NULL, false,
   NULL, NULL, 'int', 1, NULL, NULL, NULL, '9007199254740993', '-1e-300', '{}');

INSERT INTO metaschema_public.policy (id, database_id, table_id, name, role_name, privilege, permissive, disabled, policy_type, data, tags) VALUES
  ('a5000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a3000000-0000-4000-8000-000000000001', 'own rows', 'authenticated', 'SELECT', true, false,
   'AuthzDirectOwner', '{"entity_field": "owner_id", "schema": "acme_crm_1a2b_public", "not_schema": "xacme_crm_1a2b_public"}', '{}');

INSERT INTO services_public.apis (id, database_id, name, dbname, role_name, anon_role, is_public) VALUES
  ('a6000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'public', 'source_db_name_must_not_be_exported', 'authenticated', 'anonymous', true),
  ('a6000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'admin', 'source_db_name_must_not_be_exported', 'administrator', 'anonymous', false);

INSERT INTO services_public.api_schemas (id, database_id, schema_id, api_id) VALUES
  ('a7000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a2000000-0000-4000-8000-000000000001', 'a6000000-0000-4000-8000-000000000001');

INSERT INTO services_public.sites (id, database_id, title, description, og_image, favicon, logo, dbname) VALUES
  ('a8000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'ACME', E'It''s \\ great', '{"url": "https://cdn.example/og.png", "mime": "image/png"}',
   'https://cdn.example/favicon.ico', NULL, 'source_db_name_must_not_be_exported');

INSERT INTO services_public.domains (id, database_id, api_id, site_id, subdomain, domain) VALUES
  ('a9000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a6000000-0000-4000-8000-000000000001', NULL, 'api', 'acme.example'),
  ('a9000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', NULL, 'a8000000-0000-4000-8000-000000000001', NULL, 'acme.example');

INSERT INTO metaschema_modules_public.rls_module (id, database_id, api_id, schema_id, private_schema_id, authenticate, "current_role") VALUES
  ('aa000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 'a6000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000001',
   'a2000000-0000-4000-8000-000000000002', 'authenticate', 'current_user');

INSERT INTO metaschema_public.export_value_fixture
  (id, database_id, "order", "user", "position", "MixedCase", name, t, b, i2, i4, i8, pos, n, n2, f4, f8, j, jb, img, ta, ca, ia, ua, iv, ts, tsn, d, tm, bin, ct, ch, cat, fixed_stamp) VALUES
  ('ab000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-00000000000a', 1, 'user', 'first', 'Mixed',
   'plain', E'it''s \\ back\\\\slash\ttab\nnewline\r\ncrlf', true, -32768, 2147483647, 9007199254740993, 9223372036854775807,
   1.50, 12345678.1000, 'NaN', 0.1,
   '{"b" :  1, "a":[1 ,2], "b": 2}', '{"z": null, "a": [1, 2.50, "x\"y"], "big": 123456789012345678901234567890, "f": 4.0, "e": 1e5}', '{"url": "https://x.example/y.png", "mime": "image/png"}',
   '{"a,b","{c}","d\"e","f\\g"," h ",NULL,""}', '{CaSe,"with space",NULL}', '{{1,2},{3,4}}', '{a0000000-0000-4000-8000-00000000000a}',
   '1 year 2 mons -3 days 04:05:06.789', '2024-02-29 23:59:59.123456+05:30', '2024-02-29 12:34:56.7', '2024-02-29', '23:59:59.999999',
   '\x00ff5c27220a', 'MiXeD', 'ab', 'core', '2021-06-01 10:00:00.5+00'),
  ('ab000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 2, '', 'NULL', NULL,
   'NULL', '', false, 0, 0, -9223372036854775808, 1,
   'NaN', -0.0001, '-Infinity', '1e308',
   'null', 'null', NULL,
   '{}', '{}', '{}', '{}',
   '-00:00:01.5', 'infinity', '-infinity', 'infinity', '00:00:00',
   '\x', '', '', 'app', NULL),
  ('ab000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-00000000000a', NULL, NULL, NULL, '$&',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   '123456789012345678901234567890.123456789000', 99999999.9999, 3.14159, '-0',
   '"str"', 'false', NULL,
   NULL, NULL, '{NULL,NULL}', NULL,
   '-1 years -2 mons +3 days -04:05:06', '2024-02-29 18:29:59+00', '1999-12-31 23:59:59.5', '0001-01-01', NULL,
   NULL, NULL, NULL, NULL, '0044-03-15 12:00:00+00 BC'),
  ('ab000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-00000000000a', NULL, E'emoji 😀 CJK 漢字 RTL שלום', NULL, NULL,
   E'acme_crm_1a2b_public.contacts and\tacme_crm_1a2b_reports_v2', E'\\', NULL, NULL, NULL, NULL, NULL,
   'Infinity', NULL, NULL, NULL,
   '[]', '0', NULL,
   '{"\\\\"}', NULL, NULL, NULL,
   '3 days', '2024-02-29 18:29:59.1+00', NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL),
  ('ab000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-00000000000a', NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL,
   NULL, '""', NULL,
   NULL, NULL, NULL, NULL,
   NULL, '2024-02-29 18:29:59.12345+00', NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL);

SET session_replication_role TO DEFAULT;
