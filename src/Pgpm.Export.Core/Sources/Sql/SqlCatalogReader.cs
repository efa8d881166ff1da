using Npgsql;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// What PostgreSQL's catalog says about the meta tables: which there are, and each one's columns, keys and enums. One
/// table is described by the same query as many (<see cref="SqlCatalogQueries.TableColumns"/>), so that a table piped
/// on its own and one of an export are read alike.
/// </summary>
internal sealed class SqlCatalogReader(SqlSession session)
{
    public async Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken) =>
        await session
            .ListAsync(
                SqlCatalogQueries.DatabaseTables,
                [schemas.ToArray()],
                "listing meta tables",
                r => new TableRef(r.GetString(0), r.GetString(1)),
                cancellationToken
            )
            .ConfigureAwait(false);

    public async Task<SchemaVersionChoice> ChooseSchemaVersionAsync(
        IReadOnlyList<ExportManifest> candidates,
        CancellationToken cancellationToken
    )
    {
        var tables = (await ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var columns = await session
            .ListAsync(
                SqlCatalogQueries.MetaColumns,
                [MetaSchemas.All.ToArray()],
                "reading the meta tables' columns",
                r => (Table: new TableRef(r.GetString(0), r.GetString(1)), Column: r.GetString(2)),
                cancellationToken
            )
            .ConfigureAwait(false);
        var observed = columns
            .Where(c => tables.Contains(c.Table))
            .GroupBy(c => c.Table)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(c => c.Column).ToHashSet(StringComparer.Ordinal));
        return SchemaVersionChoice.Closest(candidates, observed, c => c, "the catalog has");
    }

    /// <summary>The shapes of <paramref name="tables"/>, in their order; null for a table the database does not have.</summary>
    public async Task<IReadOnlyList<TableShape?>> DescribeTablesAsync(
        IReadOnlyList<TableRef> tables,
        string doing,
        CancellationToken cancellationToken
    )
    {
        var found = await ReadColumnsAsync(tables, doing, cancellationToken).ConfigureAwait(false);
        return tables.Select(t => found.TryGetValue(t, out var columns) ? Shape(t, columns) : null).ToList();
    }

    /// <summary>The columns of each of <paramref name="tables"/> the database has, in ordinal order, from one query.</summary>
    public async Task<IReadOnlyDictionary<TableRef, List<SqlCatalogColumn>>> ReadColumnsAsync(
        IReadOnlyList<TableRef> tables,
        string doing,
        CancellationToken cancellationToken
    )
    {
        object[] parameters = [tables.Select(t => t.Schema).ToArray(), tables.Select(t => t.Name).ToArray()];
        var rows = await session
            .ListAsync(
                SqlCatalogQueries.TableColumns,
                parameters,
                doing,
                r => (Table: new TableRef(r.GetString(0), r.GetString(1)), Column: r.IsDBNull(2) ? null : ReadColumn(r)),
                cancellationToken
            )
            .ConfigureAwait(false);
        // A table without columns has one row, without a column.
        return rows.GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.Select(r => r.Column).OfType<SqlCatalogColumn>().ToList());
    }

    /// <summary>A table without a primary key is ordered by <c>id</c> when it has one, else by every column.</summary>
    private static TableShape Shape(TableRef table, List<SqlCatalogColumn> columns)
    {
        var keys = columns.Where(c => c.KeyPosition is not null).OrderBy(c => c.KeyPosition).Select(c => c.Column.Name).ToList();
        if (keys.Count == 0)
            keys.AddRange(columns.Any(c => c.Column.Name == "id") ? ["id"] : columns.Select(c => c.Column.Name));
        return new TableShape(table, columns.Select(c => c.Column).ToList(), keys, MetaSchemas.DatabaseColumnOf(table));
    }

    // Sequential access: the fields are taken in order, after the table's schema and name.
    private static SqlCatalogColumn ReadColumn(NpgsqlDataReader record)
    {
        var name = record.GetString(2);
        var typeName = record.GetString(3);
        var notNull = record.GetBoolean(4);
        var defaultExpression = record.NullableString(5);
        var category = record.GetChar(6);
        var baseType = record.GetString(7);
        long? keyPosition = record.IsDBNull(8) ? null : record.GetInt64(8);
        var enumType = record.NullableString(9);
        var enumLabels = record.IsDBNull(10) ? null : record.GetFieldValue<string[]>(10);
        var column = new ColumnInfo(name, typeName, PgTypeClassifier.Classify(category, baseType), notNull, defaultExpression, baseType);
        return new SqlCatalogColumn(column, keyPosition, enumType, enumLabels);
    }
}
