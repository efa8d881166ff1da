using System.Runtime.CompilerServices;
using Pgpm.Export.Exporting;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Tests.Sql;
using Xunit;

namespace Pgpm.Export.Tests.Exporting;

/// <summary>
/// Flat peak memory. The database package held every change (its name, dependencies, note, the row it came
/// from) until all sql_actions rows were read, to sort them into a deployable order at the end: about 600 bytes per
/// change, which is what made the peak grow with the number of sql_actions. Changes whose dependencies came before them
/// are now planned and written as they arrive (<c>PlanOrder</c>), so what stays per change is its name, its plan
/// position and the row it came from. Counted in bytes kept alive after the last row, not timed.
/// </summary>
[Collection(AllocationCollection.Name)]
public class PlanMemoryTests(PostgresFixture postgres)
{
    private const int Few = 1_000;
    private const int Many = 7_000;

    [Fact]
    public async Task A_database_package_in_id_order_keeps_little_per_change_while_it_is_read()
    {
        var few = await RetainedAfterLastRowAsync(Few);
        var many = await RetainedAfterLastRowAsync(Many);
        var perChange = (many.Bytes - few.Bytes) / (double)(Many - Few);

        // Each change name is 55 characters (132 bytes as a string), kept once and shared by the package's claim on it and
        // its plan position; with the row it came from (a short string) and two dictionary entries, 323 bytes were measured.
        // Held whole until the end, with its dependency (another 132), note, lists and records, a change kept 754.
        Assert.True(
            perChange < 400,
            $"Each change kept {perChange:F0} bytes alive until the package's rows were all read "
                + $"({few.Bytes:N0} bytes with {Few} changes, {many.Bytes:N0} with {Many})."
        );
        var plan = await File.ReadAllLinesAsync(Path.Combine(many.Output.Path, "packages", "acme-crm", "pgpm.plan"));
        Assert.Equal(
            $"{Name(Many - 1)} [{Name(Many - 2)}] 2017-08-11T08:11:51Z Test Author <test@example.com> # add action {Many - 1}",
            plan[^1]
        );
        few.Output.Dispose();
        many.Output.Dispose();
    }

    private static string Name(int g) => $"schemas/acme_crm_public/tables/plan_memory_{g:D6}/table";

    private async Task<(long Bytes, TempDirectory Output)> RetainedAfterLastRowAsync(int changes)
    {
        var database = await postgres.NewFixtureDatabaseAsync("plan_memory");
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            DELETE FROM db_migrate.sql_actions;
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content)
            SELECT g + 1, 'action ' || g, '{{SqlExport.Acme}}',
                   'schemas/acme_crm_1a2b_public/tables/plan_memory_' || lpad(g::text, 6, '0') || '/table',
                   CASE WHEN g = 0 THEN '{}'::text[]
                        ELSE ARRAY['schemas/acme_crm_1a2b_public/tables/plan_memory_' || lpad((g - 1)::text, 6, '0') || '/table'] END,
                   'SELECT 1;'
            FROM generate_series(0, {{changes - 1}}) g;
            """
        );
        var output = new TempDirectory();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var source = new RetainedAfterLastRow(inner);
        await new ProjectExporter(source).ExportAsync(SqlExport.Options(output.Path));
        return (source.Bytes, output);
    }

    /// <summary>Counts the bytes alive when the exporter asks for the row after the last one: every change has been taken, none finished
    /// yet.</summary>
    private sealed class RetainedAfterLastRow(IExportSource inner) : DelegatingSource(inner)
    {
        public long Bytes { get; private set; }

        public override async IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
            Guid id,
            IReadOnlyCollection<string> exclude,
            [EnumeratorCancellation] CancellationToken ct
        )
        {
            await foreach (var action in Inner.ReadSqlActionsAsync(id, exclude, ct))
                yield return action;
            Bytes = GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
