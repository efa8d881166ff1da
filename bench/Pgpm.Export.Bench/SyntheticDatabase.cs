using System.Globalization;
using Pgpm.Export.Sandbox;

namespace Pgpm.Export.Bench;

/// <summary>
/// A Constructive database of a given number of meta rows, spread like real data (half field rows, then
/// index, policy, foreign key, table and constraint rows), plus one sql_actions row per hundred meta rows with
/// bodies of 2 to 8 KB. Ids and values derive from the size alone, so the same size always exports the same bytes.
/// Rows go in with session_replication_role = replica: the meta schema's triggers would otherwise run DDL per row.
/// </summary>
internal sealed record SyntheticDatabase(string Name, Guid Id, int MetaRows)
{
    public int SqlActions => Math.Max(10, MetaRows / 100);

    public static SyntheticDatabase OfSize(int metaRows)
    {
        var name = "bench_" + SizeLabel.Format(metaRows).ToLowerInvariant();
        var id = Guid.Parse(Md5Hex(name));
        return new SyntheticDatabase(name, id, metaRows);
    }

    public async Task CreateAsync(LocalPostgres server, string pgDatabase, CancellationToken cancellationToken)
    {
        var n = MetaRows;
        int Share(int percent) => Math.Max(1, n * percent / 100);
        var tables = Share(6);
        var sql = Template
            .Replace("{tag}", Name)
            .Replace("{id}", Id.ToString())
            .Replace("{tables}", Num(tables))
            .Replace("{fields}", Num(Share(50)))
            .Replace("{indexes}", Num(Share(10)))
            .Replace("{policies}", Num(Share(10)))
            .Replace("{fks}", Num(Share(8)))
            .Replace("{uniques}", Num(Share(5)))
            .Replace("{checks}", Num(Share(3)))
            .Replace("{triggers}", Num(Share(2)))
            .Replace("{actions}", Num(SqlActions));
        // Through psql, which has no statement timeout: a million rows take minutes to insert.
        var file = Path.Combine(Path.GetTempPath(), $"pgpm-bench-{Name}.sql");
        await File.WriteAllTextAsync(file, sql, cancellationToken).ConfigureAwait(false);
        try
        {
            await server.RunFileAsync(pgDatabase, file, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Md5Hex(string text) =>
        Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    // {tag} names the database and seeds every id: md5('{tag}:<kind>:<n>')::uuid.
    private const string Template = """
        SET session_replication_role TO replica;
        INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash)
        VALUES ('{id}', md5('{tag}:owner')::uuid, 'h{tag}', '{tag}_public', '{tag}_private', '{tag}', 'Bench {tag}',
                md5('{tag}:hash')::uuid);

        INSERT INTO metaschema_public.schema (id, database_id, name, schema_name, label, description, smart_tags, category, tags, is_public)
        SELECT md5('{tag}:schema:' || g)::uuid, '{id}', s, '{tag}_' || s, initcap(s), 'The ' || s || ' schema', '{"exposed": true}', 'app',
               '{api}', g = 1
        FROM unnest(ARRAY['public', 'private', 'auth']) WITH ORDINALITY AS x(s, g);

        INSERT INTO metaschema_public.table (id, database_id, schema_id, name, label, description, category, use_rls, timestamps,
               plural_name, singular_name, tags)
        SELECT md5('{tag}:table:' || g)::uuid, '{id}', md5('{tag}:schema:' || (1 + g % 3))::uuid, 'table_' || g, 'Table ' || g,
               CASE WHEN g % 4 = 0 THEN E'Rows of table ' || g || E'.\nOne per thing.' END, 'app', g % 2 = 0, true, 'table_' || g || 's',
               'table_' || g,
               CASE WHEN g % 3 = 0 THEN '{searchable}' ELSE '{}' END::citext[]
        FROM generate_series(0, {tables} - 1) g;

        INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, description, smart_tags, is_required, default_value,
               type, field_order, min, max, tags)
        SELECT md5('{tag}:field:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'field_' || g, 'Field ' || g,
               CASE WHEN g % 5 = 0 THEN 'The field ' || g || ' of table_' || (g % {tables}) || ' in {tag}_public' END,
               CASE WHEN g % 7 = 0 THEN '{"omit": "create", "behavior": ["-insert"]}'::jsonb END,
               g % 3 = 0, CASE WHEN g % 6 = 0 THEN '''x''' END,
               (ARRAY['text', 'uuid', 'int', 'timestamptz', 'jsonb', 'boolean'])[1 + g % 6], g / {tables},
               CASE WHEN g % 11 = 0 THEN 0 END, CASE WHEN g % 11 = 0 THEN 100.5 END,
               CASE WHEN g % 9 = 0 THEN '{contact,pii}' ELSE '{}' END::citext[]
        FROM generate_series(0, {fields} - 1) g;

        INSERT INTO metaschema_public.primary_key_constraint (id, database_id, table_id, name, field_ids)
        SELECT md5('{tag}:pk:' || g)::uuid, '{id}', md5('{tag}:table:' || g)::uuid, 'table_' || g || '_pkey',
               ARRAY[md5('{tag}:field:' || g)::uuid]
        FROM generate_series(0, {tables} - 1) g;

        INSERT INTO metaschema_public.foreign_key_constraint (id, database_id, table_id, name, field_ids, ref_table_id, ref_field_ids,
               delete_action, update_action)
        SELECT md5('{tag}:fk:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'fk_' || g,
               ARRAY[md5('{tag}:field:' || g)::uuid], md5('{tag}:table:' || ((g + 1) % {tables}))::uuid,
               ARRAY[md5('{tag}:field:' || (g + 1))::uuid], 'c', 'a'
        FROM generate_series(0, {fks} - 1) g;

        INSERT INTO metaschema_public.unique_constraint (id, database_id, table_id, name, field_ids)
        SELECT md5('{tag}:uq:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'uq_' || g,
               ARRAY[md5('{tag}:field:' || g)::uuid, md5('{tag}:field:' || (g + 1))::uuid]
        FROM generate_series(0, {uniques} - 1) g;

        INSERT INTO metaschema_public.check_constraint (id, database_id, table_id, name, field_ids, expr)
        SELECT md5('{tag}:ck:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'ck_' || g,
               ARRAY[md5('{tag}:field:' || g)::uuid],
               jsonb_build_object('A_Expr', jsonb_build_object('kind', 'AEXPR_OP', 'name', '>', 'rexpr', g))
        FROM generate_series(0, {checks} - 1) g;

        INSERT INTO metaschema_public.index (id, database_id, table_id, name, field_ids, access_method, is_unique, tags)
        SELECT md5('{tag}:index:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'index_' || g,
               ARRAY[md5('{tag}:field:' || g)::uuid], CASE WHEN g % 10 = 0 THEN 'gin' ELSE 'btree' END, g % 4 = 0, '{}'::citext[]
        FROM generate_series(0, {indexes} - 1) g;

        INSERT INTO metaschema_public.policy (id, database_id, table_id, name, role_name, privilege, permissive, policy_type, data)
        SELECT md5('{tag}:policy:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'policy ' || g,
               (ARRAY['anonymous', 'authenticated', 'administrator'])[1 + g % 3],
               (ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE'])[1 + g % 4],
               true, 'AuthzDirectOwner', jsonb_build_object('entity_field', 'owner_id', 'n', g)
        FROM generate_series(0, {policies} - 1) g;

        INSERT INTO metaschema_public.trigger (id, database_id, table_id, name, event, function_name)
        SELECT md5('{tag}:trigger:' || g)::uuid, '{id}', md5('{tag}:table:' || (g % {tables}))::uuid, 'trigger_' || g, 'BEFORE UPDATE',
               'tg_timestamps'
        FROM generate_series(0, {triggers} - 1) g;

        INSERT INTO services_public.apis (id, database_id, name, role_name, anon_role, is_public)
        SELECT md5('{tag}:api:' || g)::uuid, '{id}', 'api_' || g, 'authenticated', 'anonymous', g = 0 FROM generate_series(0, 1) g;
        INSERT INTO services_public.domains (id, database_id, api_id, subdomain, domain)
        SELECT md5('{tag}:domain:' || g)::uuid, '{id}', md5('{tag}:api:' || g)::uuid, 'api' || g, replace('{tag}', '_', '-') || '.example'
        FROM generate_series(0, 1) g;

        INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category)
        SELECT 'action ' || g, '{id}', 'schemas/{tag}_public/tables/table_' || g || '/table',
               CASE WHEN g = 0 THEN '{}'::text[] ELSE ARRAY['schemas/{tag}_public/tables/table_' || (g - 1) || '/table'] END,
               repeat(E'CREATE TABLE {tag}_public.table_' || g
                      || E' (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), name text NOT NULL);\n'
                      || E'COMMENT ON TABLE {tag}_public.table_' || g || E' IS ''generated for the benchmark'';\n', 20 + g % 60),
               'DROP TABLE {tag}_public.table_' || g || ';',
               'SELECT 1 FROM {tag}_public.table_' || g || ' LIMIT 1;', 'app'
        FROM generate_series(0, {actions} - 1) g
        ORDER BY g;
        SET session_replication_role TO DEFAULT;
        ANALYZE;
        """;
}
