using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

/// <summary>
/// A package discarded before its commit (Ctrl+C, a failure) is deleted whole: its scripts by name (what makes the
/// command line's exit after Ctrl+C quick), and everything else the names do not cover.
/// </summary>
public sealed class DiscardTests
{
    [Fact]
    public async Task A_discarded_package_leaves_nothing_whatever_was_written_of_it()
    {
        using var output = new TempDirectory();
        var workspace = Workspace.Open(output.Path);
        using (var builder = new PackageBuilder(workspace, "acme"))
        {
            for (var i = 0; i < 50; i++)
            {
                var change = $"schemas/acme_public/tables/table_{i}/table";
                builder.ClaimChange(change, $"row {i}");
                await builder.WriteScriptAsync("deploy", change, "CREATE TABLE x ();", CancellationToken.None);
                if (i % 2 == 0)
                    await builder.WriteScriptAsync("revert", change, "DROP TABLE x;", CancellationToken.None);
                // verify scripts never written: their names are given to the deletion all the same.
            }
            builder.ClaimChange("flat", "row flat");
            await builder.WriteScriptAsync("deploy", "flat", "SELECT 1;", CancellationToken.None);
            builder.ClaimChange("claimed/never/written", "row unwritten");
            builder.WritePlan([], PlanAuthor.Default);
        }
        await DiscardedDirectories.WhenDeletedAsync();

        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.PackagesPath, "*", SearchOption.AllDirectories));
    }
}
