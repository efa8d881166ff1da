using Pgpm.Export.Sandbox.Cli;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>The demo's list of written files lost its columns on a path longer than the column it padded paths to.</summary>
public sealed class FileListingTests
{
    [Fact]
    public void Sizes_and_paths_line_up_whatever_the_lengths()
    {
        var longPath = "packages/pets/deploy/schemas/pets_public/tables/" + new string('a', 90) + "/table.sql";
        (string, long)[] files = [("packages/pets/pgpm.plan", 5), (longPath, 1_234_567), ("packages/pets/deploy/x.sql", 42)];

        var lines = FileListing.Lines(files).ToList();

        Assert.Equal(files.Length, lines.Count);
        // Every size ends in one column; every line ends with its path, which starts in one column.
        Assert.Single(lines.Select(line => line.IndexOf(" bytes", StringComparison.Ordinal)).Distinct());
        Assert.All(lines.Zip(files), pair => Assert.EndsWith(pair.Second.Item1, pair.First));
        Assert.Single(lines.Select((line, i) => line.Length - files[i].Item1.Length).Distinct());
        Assert.Contains("1234567 bytes", lines[1]);
        Assert.Contains("      5 bytes", lines[0]);
    }

    [Fact]
    public void Nothing_to_list_gives_no_line() => Assert.Empty(FileListing.Lines([]));
}
