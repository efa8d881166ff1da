using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>Cancelling and competing exports never leave a partial package, a staging directory or a lock behind.</summary>
[Collection(PostgresCollection.Name)]
public class WorkspaceSafetyTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_second_export_into_a_busy_workspace_is_refused_and_the_first_is_unaffected()
    {
        var database = await postgres.NewFixtureDatabaseAsync("busy");
        using var reference = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, reference.Path);

        using var shared = new TempDirectory();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var paused = new PausedSource(inner);
        var first = Export(paused, shared.Path);
        await paused.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(File.Exists(Path.Combine(shared.Path, WorkspaceLock.FileName)));

        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, shared.Path));
        Assert.Equal("WorkspaceBusy", error.ErrorId);
        Assert.Contains($"Another export is writing into '{shared.Path}'", error.Message);

        paused.Resume();
        await first;
        WorkspaceAssert.Identical(reference.Path, shared.Path, minimumFiles: 40);
        Assert.False(File.Exists(Path.Combine(shared.Path, WorkspaceLock.FileName)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(25)]
    public async Task Cancelling_at_any_row_leaves_a_new_workspace_empty_and_an_existing_one_as_it_was(int cancelAtRow)
    {
        var database = await postgres.NewFixtureDatabaseAsync("cancel_at_" + cancelAtRow);
        using var fresh = new TempDirectory();
        await CancelledExport(database, fresh.Combine("ws"), cancelAtRow, replaceExisting: false);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fresh.Path, "*", SearchOption.AllDirectories));

        using var existing = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, existing.Path);
        var before = Entries(existing.Path);
        using var copy = new TempDirectory();
        CopyTree(existing.Path, copy.Path);
        await CancelledExport(database, existing.Path, cancelAtRow, replaceExisting: true);
        Assert.Equal(before, Entries(existing.Path));
        WorkspaceAssert.Identical(copy.Path, existing.Path, minimumFiles: 40);
    }

    [Fact]
    public async Task Cancelling_once_packages_are_being_moved_into_place_finishes_the_move()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cancel_commit");
        using var reference = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, reference.Path);
        using var output = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        await SqlExport.RunAsync(
            postgres,
            database,
            output.Path,
            adjust: o =>
                o with
                {
                    ConfirmPackage = (_, _) =>
                    {
                        cancellation.Cancel();
                        return ValueTask.FromResult(true);
                    },
                },
            cancellationToken: cancellation.Token
        );
        // Both packages or neither: once the first is in place, the second follows even though the caller cancelled.
        WorkspaceAssert.Identical(reference.Path, output.Path, minimumFiles: 40);
    }

    private async Task CancelledExport(string database, string outputPath, int cancelAtRow, bool replaceExisting)
    {
        using var cancellation = new CancellationTokenSource();
        if (cancelAtRow == 0)
            cancellation.Cancel();
        await using var inner = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var source = new CancellingSource(inner, cancelAtRow, cancellation);
        var options = SqlExport.Options(outputPath) with { ReplaceExisting = replaceExisting };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ProjectExporter(source).ExportAsync(options, cancellation.Token));
        await Pgpm.Export.Writing.DiscardedDirectories.WhenDeletedAsync(); // a stop returns before its staging is deleted
    }

    private static Task Export(IExportSource source, string outputPath) =>
        new ProjectExporter(source).ExportAsync(SqlExport.Options(outputPath));

    /// <summary>Every file and directory, so an empty staging directory left behind would show.</summary>
    private static List<string> Entries(string root) =>
        Directory
            .EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
