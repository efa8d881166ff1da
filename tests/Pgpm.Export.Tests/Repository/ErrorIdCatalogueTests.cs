using System.Reflection;
using System.Text.RegularExpressions;
using Pgpm.Export.Errors;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Repository;

/// <summary>
/// Error ids are a contract with scripts: every id lives in <see cref="ErrorId"/>, is documented for both front ends,
/// and is raised somewhere; no raise site spells an id of its own.
/// </summary>
public partial class ErrorIdCatalogueTests
{
    private static readonly IReadOnlyList<string> Catalogue = typeof(ErrorId)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void Every_id_is_its_own_name_and_the_catalogue_is_not_empty()
    {
        Assert.True(Catalogue.Count > 50);
        foreach (var field in typeof(ErrorId).GetFields(BindingFlags.Public | BindingFlags.Static))
            Assert.Equal(field.Name, field.GetRawConstantValue());
    }

    [Fact]
    public void Every_id_is_documented_for_the_command_line_and_the_cmdlets()
    {
        var cli = File.ReadAllText(RepositoryFiles.Path("docs", "cli.md"));
        var about = File.ReadAllText(RepositoryFiles.Path("docs", "en-US", "about_Pgpm.Export.md"));
        AssertNone(
            "not in docs/cli.md's table of error ids",
            Catalogue.Where(id => !cli.Contains($"| `{id}` |", StringComparison.Ordinal))
        );
        AssertNone(
            "not under ERROR IDS in about_Pgpm.Export",
            Catalogue.Where(id => !about.Contains($"- {id}: ", StringComparison.Ordinal))
        );
    }

    [Fact]
    public void Every_id_is_raised_somewhere()
    {
        var code = string.Concat(
            SourceFiles().Where(f => !Path.GetFileName(f).StartsWith("ErrorId.", StringComparison.Ordinal)).Select(File.ReadAllText)
        );
        AssertNone("never raised", Catalogue.Where(id => !code.Contains("ErrorId." + id, StringComparison.Ordinal)));
    }

    [Fact]
    public void No_raise_site_spells_an_id_as_a_string()
    {
        var literals = SourceFiles()
            .SelectMany(f =>
                LiteralId().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(RepositoryFiles.Root, f)}: {m.Value}")
            )
            .ToList();
        AssertNone("an id spelled as a string instead of an ErrorId constant", literals);
    }

    private static void AssertNone(string what, IEnumerable<string> found)
    {
        var list = found.ToList();
        Assert.True(list.Count == 0, $"{what}:\n" + string.Join("\n", list));
    }

    // Where an id is given: after an error kind, an exception, a piped row or a record, or first in a CommandError.
    [GeneratedRegex(
        @"(?:(?:ExportErrorKind\.\w+|new ExportException\(\s*\w+|ErrorRecords\.\w+\(|Reject\(\w+|new ErrorRecord\(\s*\w+),"
            + @"|new CommandError\()\s*""[A-Z]\w*"""
    )]
    private static partial Regex LiteralId();

    private static IEnumerable<string> SourceFiles() =>
        Directory
            .EnumerateFiles(RepositoryFiles.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            );
}
