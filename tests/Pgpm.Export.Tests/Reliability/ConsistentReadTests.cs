using Pgpm.Export.Exporting;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>Over SQL every table of one export is read as of one moment, whatever changes while it runs.</summary>
[Collection(PostgresCollection.Name)]
public class ConsistentReadTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Rows_changed_while_an_export_runs_do_not_reach_it()
    {
        var database = await postgres.NewFixtureDatabaseAsync("consistent");
        using var before = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, before.Path);

        using var during = new TempDirectory();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var paused = new PausedSource(inner);
        var export = new ProjectExporter(paused).ExportAsync(SqlExport.Options(during.Path) with { Concurrency = 2 });
        await paused.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        // Committed before any meta row is read: a live read would see all of it.
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            UPDATE metaschema_public.field SET label = 'changed during the export';
            UPDATE db_migrate.sql_actions SET content = content || ' -- changed' WHERE database_id = '{SqlExport.Acme}';
            DELETE FROM services_public.api_schemas WHERE database_id = '{SqlExport.Acme}';
            """
        );
        paused.Resume();
        await export;

        WorkspaceAssert.Identical(before.Path, during.Path, minimumFiles: 40);
        using var after = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, after.Path);
        Assert.Contains(
            "changed during the export",
            await File.ReadAllTextAsync(Path.Combine(after.Path, "packages", "acme-crm-service", "deploy", "migrate", "field.sql"))
        );
    }
}
