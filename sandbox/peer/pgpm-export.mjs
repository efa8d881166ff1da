// The established exporter's pipeline, for the benchmark's side-by-side figure (bench/run, "peer").
//
// `pgpm export` (constructive-io/constructive, pgpm/core/src/export/export-migrations.ts and export-meta.ts) is
// not part of @pgpmjs/core 7.27.3 as published, so this script drives the same npm building blocks the same way:
//   - rows read with `pg` (a Pool; one `SELECT *` per table, every row held in memory at once, as pool.query does),
//   - the database package: `select * from db_migrate.sql_actions where database_id = $1 order by id`, written by
//     @pgpmjs/core's writePgpmPlan and writePgpmFiles with the schema/placeholder replacer,
//   - the service package: for each meta table in upstream's order, its column list (upstream's fixed per-table
//     config, intersected with information_schema's columns of the table) rendered by csv-to-pg 4.12.1's Parser
//     into one INSERT, then one `migrate/<table>` change per table with rows, written by the same two functions.
// Left out: the module scaffolding (`initModule`: package.json, control file, README) and the prompts, which cost
// about the same whatever the database's size.
//
// Usage: node pgpm-export.mjs <database-id> <output-directory>   (connection from PGHOST, PGPORT, PGUSER,
// PGPASSWORD, PGDATABASE, as `pg` reads them). Prints one JSON line: rows and columns written, and the columns
// of tables with rows that upstream's config leaves out (values it does not export).
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { Parser } from 'csv-to-pg';
import { writePgpmFiles, writePgpmPlan } from '@pgpmjs/core';

const [databaseId, outdir] = process.argv.slice(2);
if (!databaseId || !outdir) {
  console.error('usage: node pgpm-export.mjs <database-id> <output-directory>');
  process.exit(2);
}

// Upstream's per-table column config (export-meta.ts), for the tables the benchmark's synthetic databases fill;
// upstream's other tables are queried the same way and hold no rows here, so only their names matter.
const columns = {
  'metaschema_public.database': 'id:uuid owner_id:uuid name:text hash:uuid',
  'metaschema_public.schema': 'id:uuid database_id:uuid name:text schema_name:text description:text is_public:boolean',
  'metaschema_public.table': 'id:uuid database_id:uuid schema_id:uuid name:text description:text',
  'metaschema_public.field': 'id:uuid database_id:uuid table_id:uuid name:text type:text description:text',
  'metaschema_public.policy': 'id:uuid database_id:uuid table_id:uuid name:text role_name:text privilege:text permissive:boolean disabled:boolean policy_type:text data:jsonb',
  'metaschema_public.index': 'id:uuid database_id:uuid table_id:uuid name:text field_ids:uuid[] include_field_ids:uuid[] access_method:text index_params:jsonb where_clause:jsonb is_unique:boolean',
  'metaschema_public.trigger': 'id:uuid database_id:uuid table_id:uuid name:text event:text function_name:text',
  'metaschema_public.foreign_key_constraint': 'id:uuid database_id:uuid table_id:uuid name:text description:text smart_tags:jsonb type:text field_ids:uuid[] ref_table_id:uuid ref_field_ids:uuid[] delete_action:text update_action:text',
  'metaschema_public.primary_key_constraint': 'id:uuid database_id:uuid table_id:uuid name:text type:text field_ids:uuid[]',
  'metaschema_public.unique_constraint': 'id:uuid database_id:uuid table_id:uuid name:text description:text smart_tags:jsonb type:text field_ids:uuid[]',
  'metaschema_public.check_constraint': 'id:uuid database_id:uuid table_id:uuid name:text type:text field_ids:uuid[] expr:jsonb',
  'services_public.domains': 'id:uuid database_id:uuid site_id:uuid api_id:uuid domain:text subdomain:text',
  'services_public.apis': 'id:uuid database_id:uuid name:text dbname:text is_public:boolean role_name:text anon_role:text',
};
const order = [
  ...['database', 'schema', 'table', 'field', 'policy', 'index', 'trigger', 'trigger_function', 'rls_function', 'limit_function',
    'procedure', 'foreign_key_constraint', 'primary_key_constraint', 'unique_constraint', 'check_constraint', 'full_text_search',
    'schema_grant', 'table_grant'].map(t => `metaschema_public.${t}`),
  ...['domains', 'sites', 'apis', 'apps', 'site_modules', 'site_themes', 'site_metadata', 'api_modules', 'api_schemas'].map(t => `services_public.${t}`),
  ...['rls_module', 'user_auth_module', 'memberships_module', 'permissions_module', 'limits_module', 'levels_module', 'users_module',
    'hierarchy_module', 'membership_types_module', 'invites_module', 'emails_module', 'tokens_module', 'secrets_module', 'profiles_module',
    'encrypted_secrets_module', 'connected_accounts_module', 'phone_numbers_module', 'crypto_addresses_module', 'crypto_auth_module',
    'field_module', 'table_module', 'user_profiles_module', 'user_settings_module', 'organization_settings_module', 'uuid_module',
    'default_ids_module', 'denormalized_table_field'].map(t => `metaschema_modules_public.${t}`),
];

const header = `SET session_replication_role TO replica;
-- using replica in case we are deploying triggers to metaschema_public

-- unaccent, postgis affected and require grants
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public to public;

DO $LQLMIGRATION$
  DECLARE
  BEGIN

    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), 'app_user');
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), 'app_admin');

  END;
$LQLMIGRATION$;`;

// komoji's toSnakeCase as the export spec states it (komoji itself is not installed): lower case, runs of other
// characters become one '_', and a '_' between a letter and a following digit.
const snake = text => text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/([a-z])([0-9])/g, '$1_$2');

// Upstream's replacer: each schema_name as a global regular expression, then the placeholder, in that order.
const makeReplacer = (schemas, name) => {
  const replace = [...schemas.map(s => [s.schema_name, snake(`${name}_${s.name}`)]), ['constructive-extension-name', name]]
    .map(([from, to]) => [new RegExp(from, 'g'), to]);
  return str => (str ? replace.reduce((s, [from, to]) => s.replace(from, to), str) : '');
};

const pool = new pg.Pool();
try {
  const db = await pool.query('select * from metaschema_public.database where id=$1', [databaseId]);
  const schemas = await pool.query('select * from metaschema_public.schema where database_id=$1', [databaseId]);
  if (!db.rows.length || !schemas.rows.length) throw new Error(`no database or no schemas for ${databaseId}`);
  const name = db.rows[0].name;
  const metaName = `${name}-service`;
  const actions = await pool.query('select * from db_migrate.sql_actions where database_id = $1 order by id', [databaseId]);
  const stats = { actions: actions.rows.length, tables: 0, rows: 0, columnsWritten: 0, columnsLeftOut: [] };
  if (actions.rows.length > 0) {
    mkdirSync(`${outdir}/${name}`, { recursive: true });
    const opts = { name, replacer: makeReplacer(schemas.rows, name), outdir: `${outdir}/`, author: 'bench <bench@example.com>' };
    writePgpmPlan(actions.rows, opts);
    writePgpmFiles(actions.rows, opts);

    const meta = {};
    for (const table of order) {
      const [schema, tableName] = table.split('.');
      const found = await pool.query(
        'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
        [schema, tableName]);
      if (found.rows.length === 0) continue;
      const present = new Set(found.rows.map(r => r.column_name));
      const config = (columns[table] ?? 'id:uuid database_id:uuid').split(' ').map(c => c.split(':'));
      const fields = Object.fromEntries(config.filter(([column]) => present.has(column)));
      if (Object.keys(fields).length === 0) continue;
      const where = table === 'metaschema_public.database' ? 'id' : 'database_id';
      const result = await pool.query(`SELECT * FROM ${schema}.${tableName} WHERE ${where} = $1`, [databaseId]);
      if (!result.rows.length) continue;
      const parsed = await new Parser({ schema, table: tableName, conflictDoNothing: tableName === 'field', fields }).parse(result.rows);
      if (!parsed) continue;
      meta[tableName] = parsed;
      stats.tables++;
      stats.rows += result.rows.length;
      stats.columnsWritten += Object.keys(fields).length;
      for (const column of present) if (!(column in fields)) stats.columnsLeftOut.push(`${table}.${column}`);
    }

    const metaReplacer = makeReplacer(schemas.rows, metaName);
    const metaPackage = [];
    let previous = null;
    for (const table of order) {
      const tableName = table.split('.')[1];
      if (!meta[tableName]) continue;
      metaPackage.push({
        deps: previous ? [`migrate/${previous}`] : [],
        deploy: `migrate/${tableName}`,
        content: `${header}\n\n${metaReplacer(meta[tableName])}\n\n\nSET session_replication_role TO DEFAULT;\n`,
      });
      previous = tableName;
    }
    mkdirSync(`${outdir}/${metaName}`, { recursive: true });
    const metaOpts = { ...opts, replacer: metaReplacer, name: metaName };
    writePgpmPlan(metaPackage, metaOpts);
    writePgpmFiles(metaPackage, metaOpts);
  }
  process.stdout.write(JSON.stringify(stats) + '\n');
} finally {
  await pool.end();
}
