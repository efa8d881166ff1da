namespace Pgpm.Export.Sources.Sql;

/// <summary>The catalog queries of the SQL source, kept apart from the code that runs them.</summary>
internal static class SqlCatalogQueries
{
    public const string ServerDatabases =
        "SELECT datname FROM pg_catalog.pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname";

    public const string Databases =
        "SELECT d.id, d.name, to_jsonb(d) ->> 'label', to_jsonb(d) ->> 'schema_name' "
        + "FROM metaschema_public.database d ORDER BY d.name, d.id";

    public const string Database =
        "SELECT d.id, d.name, to_jsonb(d) ->> 'label', to_jsonb(d) ->> 'schema_name' FROM metaschema_public.database d WHERE d.id = $1";

    public const string Schemas =
        "SELECT id, database_id, name, schema_name FROM metaschema_public.schema WHERE database_id = $1 ORDER BY id";

    public const string DatabaseTables = """
        SELECT n.nspname, c.relname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p')
          AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'database_id' AND a.attnum > 0 AND NOT a.attisdropped)
               OR (n.nspname = 'metaschema_public' AND c.relname = 'database'))
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>
    /// Every column of the tables named by <c>$1</c> (schemas) and <c>$2</c> (names, pair by pair) at once: one row per
    /// column (schema, relation, name, type, NOT NULL, default, the base type's category and name, the column's place in
    /// the primary key or NULL, then the enum type, schema-qualified, and its labels in sort order, or NULLs), in
    /// ordinal order; a relation without columns gives one row whose column fields are NULL, and a name no relation
    /// has gives none. The base type is the first type that is not a domain (domains over domains resolved); the enum is
    /// found through any mix of domains and arrays. A default is deparsed without its relation (relid 0): a plain
    /// default cannot name a column, so the text is the same, and PostgreSQL then does not open the relation, so a
    /// table someone holds locked stops the export where its rows are read, naming it, not here (only a generated
    /// column's expression, which names columns, still needs the relation).
    /// </summary>
    public const string TableColumns = """
        WITH RECURSIVE wanted AS (
            SELECT c.oid, n.nspname, c.relname
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE (n.nspname, c.relname) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ),
        resolved AS (
            SELECT a.attrelid, a.attnum, a.atttypid AS typid, false AS in_array
            FROM pg_catalog.pg_attribute a
            JOIN wanted w ON w.oid = a.attrelid
            WHERE a.attnum > 0 AND NOT a.attisdropped
          UNION ALL
            SELECT r.attrelid, r.attnum, CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END, r.in_array OR t.typtype <> 'd'
            FROM resolved r JOIN pg_catalog.pg_type t ON t.oid = r.typid
            WHERE t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0)
        ),
        keys AS (
            SELECT i.indrelid, k.attnum, k.ord
            FROM pg_catalog.pg_index i
            JOIN wanted w ON w.oid = i.indrelid
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            WHERE i.indisprimary
        ),
        columns AS (
            SELECT a.attrelid, a.attnum, a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type_name,
                   a.attnotnull,
                   CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, 0)
                        ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default_expression,
                   bt.typcategory,
                   bt.typname,
                   k.ord AS key_position,
                   CASE WHEN et.oid IS NOT NULL THEN format('%I.%I', etn.nspname, et.typname) END AS enum_type,
                   CASE WHEN et.oid IS NOT NULL THEN ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                                                           WHERE e.enumtypid = et.oid ORDER BY e.enumsortorder) END AS enum_labels
            FROM pg_catalog.pg_attribute a
            JOIN resolved r ON r.attrelid = a.attrelid AND r.attnum = a.attnum AND NOT r.in_array
            JOIN pg_catalog.pg_type bt ON bt.oid = r.typid AND bt.typtype <> 'd'
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN keys k ON k.indrelid = a.attrelid AND k.attnum = a.attnum
            LEFT JOIN (resolved er
                       JOIN pg_catalog.pg_type et ON et.oid = er.typid AND et.typtype = 'e'
                       JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace)
                   ON er.attrelid = a.attrelid AND er.attnum = a.attnum
        )
        SELECT w.nspname, w.relname, col.attname, col.type_name, col.attnotnull, col.default_expression, col.typcategory, col.typname,
               col.key_position, col.enum_type, col.enum_labels
        FROM wanted w
        LEFT JOIN columns col ON col.attrelid = w.oid
        ORDER BY w.nspname, w.relname, col.attnum
        """;

    public const string SqlActionsColumns = """
        SELECT a.attname FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = to_regclass('db_migrate.sql_actions') AND a.attnum > 0 AND NOT a.attisdropped
        """;

    public const string ForeignKeys = """
        SELECT sn.nspname, sc.relname, tn.nspname, tc.relname
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_class sc ON sc.oid = k.conrelid
        JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
        JOIN pg_catalog.pg_class tc ON tc.oid = k.confrelid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
        WHERE k.contype = 'f' AND sn.nspname = ANY($1) AND tn.nspname = ANY($1)
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>The installed version of the metaschema-schema extension, when it was installed by CREATE EXTENSION.</summary>
    public const string MetaschemaExtensionVersion = "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'metaschema-schema'";

    /// <summary>Every column of the given schemas' per-database tables, for choosing the closest schema version.</summary>
    public const string MetaColumns = """
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1, 2, a.attnum
        """;
}
