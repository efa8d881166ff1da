using Npgsql;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// The SQL source describes every meta table of an export from one catalog query, and one table on its own from the
/// same query: the shapes must be the same either way, column for column (type, kind, NOT NULL, default, base type,
/// key), including tables it does not have.
/// </summary>
[Collection(PostgresCollection.Name)]
public class CatalogShapeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task One_catalog_query_describes_every_table_as_the_per_table_queries_do()
    {
        var database = await postgres.NewFixtureDatabaseAsync("catalog_shapes");
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var tables = (await source.ListTablesAsync(MetaSchemas.All, CancellationToken.None))
            .Append(new TableRef(MetaSchemas.Metaschema, "no_such_table"))
            .Append(new TableRef("no_such_schema", "table"))
            .Select(t => (t, ExportManifest.BuiltIn.Find(t)))
            .ToList();

        var together = await source.DescribeTablesAsync(tables, CancellationToken.None);

        Assert.True(tables.Count > 20, $"Only {tables.Count} tables to compare.");
        for (var i = 0; i < tables.Count; i++)
        {
            var alone = await source.DescribeTableAsync(tables[i].Item1, tables[i].Item2, CancellationToken.None);
            Assert.Equal(Describe(alone), Describe(together[i]));
        }
        Assert.Null(together[^1]);
        Assert.Null(together[^2]);
    }

    /// <summary>
    /// A table piped on its own is described as the export describes it: the catalog query deparses a plain default
    /// without opening the table, so a table someone holds locked is described at once (its rows then wait for the
    /// lock), where the per-table queries waited for the lock already while reading its columns.
    /// </summary>
    [Fact]
    public async Task One_table_someone_holds_locked_is_described_without_waiting_for_the_lock()
    {
        var database = await postgres.NewFixtureDatabaseAsync("catalog_locked");
        var field = new TableRef(MetaSchemas.Metaschema, "field");
        await using var source = await SqlExportSource.OpenAsync(
            postgres.Server.ConnectionString(database) + ";Options=-c statement_timeout=2000"
        );
        await using var locker = new NpgsqlConnection(postgres.Server.ConnectionString(database));
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE metaschema_public.field IN ACCESS EXCLUSIVE MODE", locker, transaction).ExecuteNonQueryAsync();

        var shape = await source.DescribeTableAsync(field, ExportManifest.BuiltIn.Find(field), CancellationToken.None);

        Assert.NotNull(shape);
        Assert.Contains(shape.Columns, c => c.DefaultExpression is not null);
    }

    private static string Describe(TableShape? shape) =>
        shape is null
            ? "none"
            : $"{shape.Table} keys {string.Join(",", shape.KeyColumns)} by {shape.DatabaseColumn}: "
                + string.Join(
                    "; ",
                    shape.Columns.Select(c => $"{c.Name} {c.TypeName} {c.Kind} {c.IsNotNull} {c.DefaultExpression} {c.BaseTypeName}")
                );
}
