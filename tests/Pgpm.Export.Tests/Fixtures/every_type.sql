-- One extra column of metaschema_public.schema per type a PostGraphile server can return, on top
-- of the parity fixture. Every value here is one all three dialects (v5 default, Constructive-style, v4) must carry
-- byte for byte; the cases a server cannot carry are set by the test itself, one at a time, and must stop the export
-- naming the column or differ exactly as docs/graphql.md says. Column names keep digits at their end (x_range_int4,
-- not x_int4range), since camelCase cannot say where "int4range" had its underscores.
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE DOMAIN metaschema_public.x_email AS text CHECK (VALUE LIKE '%@%');
CREATE TYPE metaschema_public.x_mood AS ENUM ('sad', 'ok', 'happy');

ALTER TABLE metaschema_public.schema
  ADD COLUMN x_hstore hstore,
  ADD COLUMN x_range_int4 int4range,
  ADD COLUMN x_range_int8 int8range,
  ADD COLUMN x_range_num numrange,
  ADD COLUMN x_range_ts tsrange,
  ADD COLUMN x_range_tstz tstzrange,
  ADD COLUMN x_range_date daterange,
  ADD COLUMN x_tstz_list timestamptz[],
  ADD COLUMN x_ts_list timestamp[],
  ADD COLUMN x_date_list date[],
  ADD COLUMN x_interval_list interval[],
  ADD COLUMN x_numeric_list numeric[],
  ADD COLUMN x_json_list json[],
  ADD COLUMN x_jsonb_list jsonb[],
  ADD COLUMN x_bytea_list bytea[],
  ADD COLUMN x_enum_list metaschema_public.x_mood[],
  ADD COLUMN x_uuid_list uuid[],
  ADD COLUMN x_domain_list metaschema_public.x_email[],
  ADD COLUMN x_jsonb_keys jsonb,
  ADD COLUMN x_ts_far timestamp,
  ADD COLUMN x_tstz_far timestamptz,
  ADD COLUMN x_date_far date,
  ADD COLUMN x_ts_bc timestamp,
  ADD COLUMN x_tstz_bc timestamptz,
  ADD COLUMN x_date_bc date;

UPDATE metaschema_public.schema SET
  x_hstore = 'a=>1, "b c"=>NULL, "q\"uote"=>"back\\slash", ""=>"", "10"=>x, "9"=>y, "ü"=>"€ sign"',
  x_range_int4 = '[1,10)', x_range_int8 = '(,9007199254740993]', x_range_num = '[1.50,2.5)',
  x_range_ts = '[2024-01-01 10:00:00.5,2025-01-01)', x_range_tstz = '["2024-01-01 10:00:00+05","2024-02-01 00:00:00+00")',
  x_range_date = '[2024-01-01,2024-03-01)',
  x_tstz_list = ARRAY['2024-02-29 23:59:59.123456+05:30'::timestamptz, NULL, '2000-01-01 00:00:00+00', '12345-06-07 08:09:10.5+00'],
  x_ts_list = '{"2024-02-29 12:34:56.7",NULL,"1999-12-31 23:59:59"}',
  x_date_list = '{2024-02-29,NULL,0001-01-01,12345-06-07}',
  x_interval_list = ARRAY['1 year 2 mons -3 days 04:05:06.789'::interval, '00:00:00', NULL],
  x_numeric_list = '{1.50,NaN,-0.0001,123456789012345678901234567890.123,NULL}',
  x_json_list = ARRAY['{"a": 1}'::json, '"x y"'::json, NULL],
  x_jsonb_list = ARRAY['{"a": 1, "10": [1, "two"], "9": {}}'::jsonb, '"x y"'::jsonb, NULL, '[true, "q\"uote"]'::jsonb],
  x_bytea_list = ARRAY['\x00ff5c'::bytea, ''::bytea, NULL],
  x_enum_list = '{sad,NULL,happy}',
  x_uuid_list = '{a0000000-0000-4000-8000-00000000000a,NULL}',
  x_domain_list = '{a@b,"c d@e",NULL}',
  x_jsonb_keys = '{"b": 1, "a": 2, "10": 3, "9": 4, "": 5}',
  x_ts_far = '12345-06-07 08:09:10.5', x_tstz_far = '12345-06-07 08:09:10.5+00', x_date_far = '12345-06-07'
WHERE id = 'a2000000-0000-4000-8000-000000000001';

UPDATE metaschema_public.schema SET
  x_hstore = '', x_range_int4 = '[-5,)', x_range_num = '(,0]', x_range_date = '[2024-01-01,2024-01-02)',
  x_tstz_list = '{}', x_jsonb_list = '{}', x_jsonb_keys = '{}', x_ts_far = '2000-01-01 00:00:00'
WHERE id = 'a2000000-0000-4000-8000-000000000002';
