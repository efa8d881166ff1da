using System.Text.RegularExpressions;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class VersionTests
{
    [Fact]
    public void Module_manifest_version_is_the_build_version()
    {
        var root = RepositoryRoot();
        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        var manifest = File.ReadAllText(Path.Combine(root, "Pgpm.Export.psd1"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.NotEqual("", version);
        Assert.Equal(version, Regex.Match(manifest, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value);
        Assert.Equal(version, typeof(Pgpm.Export.Export.ProjectExporter).Assembly.GetName().Version!.ToString(3));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pgpm.Export.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pgpm.Export.sln not found above " + AppContext.BaseDirectory);
    }
}
