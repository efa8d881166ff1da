using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// The proof that an export is lossless: deploy both exported packages into a fresh database with the same
/// schema and compare, table by table, the COPY text of the exported database's rows with the source's.
/// </summary>
[Collection(PostgresCollection.Name)]
public class RoundTripTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Deploying_the_export_reproduces_every_exported_row_and_revert_removes_them()
    {
        var source = await postgres.NewFixtureDatabaseAsync("rt_source");
        using var output = new TempDirectory();
        var result = await SqlExport.RunAsync(postgres, source, output.Path);
        Assert.Equal(2, result.Packages.Count);
        var databasePackage = output.Combine("packages", "acme-crm");
        var servicePackage = output.Combine("packages", "acme-crm-service");

        var target = await postgres.NewDatabaseAsync("rt_target");
        string[] packages = [databasePackage, servicePackage];
        await PgpmPackageDeployer.RunAsync(postgres.Server, target, packages, ["deploy", "verify"], recursive: false);

        var tables = await ExportedTablesAsync(source, servicePackage);
        Assert.Contains(tables, t => t.Table == new TableRef("metaschema_public", "export_value_fixture"));
        Assert.True(tables.Count >= 9, $"expected the fixture's tables to be exported, got {tables.Count}");
        var renamer = await RenamerAsync(source);
        foreach (var shape in tables)
        {
            var expected = await RenamedRowsAsync(source, shape, renamer);
            Assert.True(expected.Count > 0, $"{shape.Table} has no rows in the source");
            AssertSameRows(shape, expected, CopyText.Decode(await CopyAsync(target, shape)));
        }

        // The renamed schemas exist in the target, created by the database package.
        var schemas = await postgres.Server.QueryTextAsync(
            target,
            "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname LIKE 'acme_crm%'"
        );
        Assert.Equal("acme_crm_private,acme_crm_public,acme_crm_reports_v_2", schemas.Trim());

        await PgpmPackageDeployer.RevertAsync(postgres.Server, target, [servicePackage]);
        foreach (var shape in tables)
            Assert.Equal("", await CopyAsync(target, shape));
        await PgpmPackageDeployer.RevertAsync(postgres.Server, target, [databasePackage]);
        Assert.Equal(
            "",
            (await postgres.Server.QueryTextAsync(target, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'acme_crm%'")).Trim()
        );
        Assert.Equal(
            "0",
            (
                await postgres.Server.QueryTextAsync(target, "SELECT count(*) FROM pgpm_migrate.changes WHERE package LIKE 'acme-crm%'")
            ).Trim()
        );

        await PgpmPackageDeployer.RunAsync(postgres.Server, target, packages, ["deploy", "verify"], recursive: false);
        foreach (var shape in tables)
            AssertSameRows(shape, await RenamedRowsAsync(source, shape, renamer), CopyText.Decode(await CopyAsync(target, shape)));
    }

    [Fact]
    public async Task The_verify_scripts_fail_when_rows_are_missing()
    {
        var source = await postgres.NewFixtureDatabaseAsync("verify_source");
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, source, output.Path);
        var servicePackage = output.Combine("packages", "acme-crm-service");
        var target = await postgres.NewDatabaseAsync("verify_target");
        await PgpmPackageDeployer.RunAsync(
            postgres.Server,
            target,
            [output.Combine("packages", "acme-crm"), servicePackage],
            ["deploy", "verify"],
            recursive: false
        );

        await postgres.Server.ExecuteAsync(target, "DELETE FROM services_public.apis WHERE name = 'admin'");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PgpmPackageDeployer.VerifyAsync(postgres.Server, target, [servicePackage])
        );
        Assert.Contains("migrate/apis", error.Message);
    }

    /// <summary>The tables behind the package's migrate/&lt;table&gt; changes, reduced to the exported columns.</summary>
    private async Task<List<TableShape>> ExportedTablesAsync(string database, string servicePackage)
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var all = await source.ListTablesAsync(MetaSchemas.All, CancellationToken.None);
        var shapes = new List<TableShape>();
        foreach (var change in (await PgpmPlan.ReadAsync(servicePackage)).Changes)
        {
            var table = all.Single(t => "migrate/" + t.Name == change.Name);
            var shape = (await source.DescribeTableAsync(table, null, CancellationToken.None))!;
            shapes.Add(ColumnRules.ExportedColumns(shape, ExportManifest.BuiltIn.Find(table)));
        }
        return shapes;
    }

    private async Task<SchemaRenamer> RenamerAsync(string database)
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        return SchemaRenamer
            .For("acme-crm", await source.GetSchemasAsync(SqlExport.Acme, CancellationToken.None))
            .ForPackage("acme-crm-service");
    }

    /// <summary>The source's rows as COPY prints them, with each value renamed the way the export renames text.</summary>
    private async Task<List<string?[]>> RenamedRowsAsync(string database, TableShape shape, SchemaRenamer renamer) =>
        CopyText.Decode(await CopyAsync(database, shape)).Select(row => row.Select(renamer.ApplyOrNull).ToArray()).ToList();

    private static void AssertSameRows(TableShape shape, List<string?[]> expected, List<string?[]> actual)
    {
        Assert.True(expected.Count == actual.Count, $"{shape.Table}: {expected.Count} rows in the source, {actual.Count} in the target");
        for (var r = 0; r < expected.Count; r++)
        for (var c = 0; c < shape.Columns.Count; c++)
            Assert.True(
                expected[r][c] == actual[r][c],
                $"{shape.Table} row {r + 1} column {shape.Columns[c].Name}: source {Show(expected[r][c])}, target {Show(actual[r][c])}"
            );
    }

    private static string Show(string? value) => value is null ? "NULL" : "'" + value + "'";

    private Task<string> CopyAsync(string database, TableShape shape)
    {
        var columns = string.Join(", ", shape.Columns.Select(c => SqlIdentifier.Quoted(c.Name)));
        var order = string.Join(", ", shape.KeyColumns.Select(SqlIdentifier.Quoted));
        var table = SqlIdentifier.Quoted(shape.Table.Schema) + "." + SqlIdentifier.Quoted(shape.Table.Name);
        return postgres.Server.QueryTextAsync(
            database,
            $"COPY (SELECT {columns} FROM {table} WHERE {SqlIdentifier.Quoted(shape.DatabaseColumn)} = '{SqlExport.Acme}' "
                + $"ORDER BY {order}) TO STDOUT"
        );
    }
}
