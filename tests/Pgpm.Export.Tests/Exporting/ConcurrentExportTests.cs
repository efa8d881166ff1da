using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Exporting;

/// <summary>Tables are read at once, up to the limit, and the bytes are those of a sequential run.</summary>
[Collection(PostgresCollection.Name)]
public class ConcurrentExportTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task A_concurrent_export_is_byte_identical_to_a_sequential_one(int concurrency)
    {
        var database = await postgres.NewFixtureDatabaseAsync("concurrent" + concurrency);
        using var sequential = new TempDirectory();
        using var concurrent = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sequential.Path, adjust: o => o with { Concurrency = 1 });
        await SqlExport.RunAsync(postgres, database, concurrent.Path, adjust: o => o with { Concurrency = concurrency });

        WorkspaceAssert.Identical(sequential.Path, concurrent.Path, minimumFiles: 40);
    }

    [Fact]
    public async Task Reads_overlap_up_to_the_limit_and_never_beyond_it()
    {
        var database = await postgres.NewFixtureDatabaseAsync("overlap");
        using var sequential = new TempDirectory();
        using var concurrent = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sequential.Path, adjust: o => o with { Concurrency = 1 });

        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var probe = new OverlapProbeSource(inner, gate: 3);
        await Export(probe, concurrent.Path, concurrency: 3);

        Assert.Equal(3, probe.MaximumOpen);
        WorkspaceAssert.Identical(sequential.Path, concurrent.Path, minimumFiles: 40);
    }

    [Fact]
    public async Task A_sequential_export_opens_one_stream_at_a_time()
    {
        var database = await postgres.NewFixtureDatabaseAsync("one_at_a_time");
        using var output = new TempDirectory();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var probe = new OverlapProbeSource(inner);
        await Export(probe, output.Path, concurrency: 1);

        Assert.Equal(1, probe.MaximumOpen);
    }

    [Fact]
    public async Task When_two_tables_fail_the_error_is_the_earlier_tables_and_nothing_is_left_behind()
    {
        var database = await postgres.NewFixtureDatabaseAsync("two_failures");
        var order = ExportManifest.BuiltIn.Tables.Select(t => t.Table).ToList();
        var earlier = new TableRef("metaschema_public", "schema");
        var later = new TableRef("metaschema_public", "table");
        Assert.True(order.IndexOf(earlier) < order.IndexOf(later), "the manifest orders schema before table");

        using var output = new TempDirectory();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var failing = new FailingTableSource(inner, earlier, later);
        var error = await Assert.ThrowsAsync<ExportException>(() => Export(failing, output.Path, concurrency: 4));

        Assert.Equal("EarlierTableFailed", error.ErrorId);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_concurrency_below_one_is_refused_by_name(int concurrency)
    {
        var database = await postgres.NewFixtureDatabaseAsync("bad_concurrency" + (concurrency < 0 ? "_negative" : ""));
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, database, output.Path, adjust: o => o with { Concurrency = concurrency })
        );

        Assert.Equal(ExportErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("concurrency", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    private static Task<ExportResult> Export(IExportSource source, string output, int concurrency) =>
        new ProjectExporter(source).ExportAsync(SqlExport.Options(output) with { Concurrency = concurrency });
}
