using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>The README's module build works on a fresh clone (nothing restored or built yet).</summary>
public sealed class ModuleBuildTests
{
    [Fact]
    public async Task The_READMEs_module_build_works_on_a_fresh_clone_and_lays_out_the_help()
    {
        using var clone = new TempDirectory();
        foreach (var file in new[] { "Directory.Build.props", "Pgpm.Export.psd1" })
            File.Copy(RepositoryFiles.Path(file), clone.Combine(file));
        CopySources(RepositoryFiles.Path("src"), clone.Combine("src"));
        CopySources(RepositoryFiles.Path("docs", "en-US"), clone.Combine("docs", "en-US"));

        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", "src/Pgpm.Export.PowerShell", "-c", "Release", "--nologo"],
            workingDirectory: clone.Path,
            check: false
        );

        Assert.True(publish.ExitCode == 0, publish.StandardOutput + publish.StandardError);
        var module = clone.Combine("out", "Pgpm.Export", RepositoryFiles.Version);
        Assert.True(File.Exists(Path.Combine(module, "en-US", "Pgpm.Export.PowerShell.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(module, "en-US", "about_Pgpm.Export.help.txt")));
    }

    /// <summary>The tracked sources only: no bin/ or obj/, as after `git clone`.</summary>
    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }
}
