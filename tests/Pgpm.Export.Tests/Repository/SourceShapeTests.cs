using System.Diagnostics;
using System.Text.RegularExpressions;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Repository;

/// <summary>
/// The code's shape that keeps it readable: files of one concept (at most 300 lines in src), lines within .editorconfig's
/// max_line_length everywhere, everything as CSharpier formats it, and the shipped command line free of the sandbox.
/// </summary>
public class SourceShapeTests
{
    private const int MaxFileLines = 300;

    [Fact]
    public void No_source_file_is_longer_than_the_limit()
    {
        var tooLong = CodeFiles("src")
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Over {MaxFileLines} lines: split by concept.\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void No_line_is_longer_than_editorconfig_allows()
    {
        var limit = MaxLineLength();
        var tooLong = CodeFiles("src", "tests", "bench")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > limit)
            .Select(l => $"{Relative(l.File)}:{l.Number}: {l.Length} characters")
            .ToList();
        Assert.True(tooLong.Count == 0, $"Over {limit} characters:\n" + string.Join("\n", tooLong.Take(50)));
    }

    [Fact]
    public async Task The_code_is_as_csharpier_formats_it()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "csharpier", "check", "src", "tests", "bench" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet csharpier check failed; run `dotnet csharpier format .`:\n{await output}{await error}");
    }

    [Fact]
    public void The_shipped_command_line_does_not_link_the_sandbox()
    {
        var references = File.ReadLines(RepositoryFiles.Path("src", "Pgpm.Export.Cli", "Pgpm.Export.Cli.csproj"))
            .Where(line => line.Contains("<ProjectReference", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(references, r => r.Contains("Pgpm.Export.Commands", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Sandbox", StringComparison.Ordinal));
    }

    private static int MaxLineLength()
    {
        var editorConfig = File.ReadAllText(RepositoryFiles.Path(".editorconfig"));
        return int.Parse(Regex.Match(editorConfig, @"(?m)^max_line_length\s*=\s*(\d+)").Groups[1].Value);
    }

    private static IEnumerable<string> CodeFiles(params string[] folders) =>
        folders
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.Path(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !Relative(f).Split('/').Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');
}
