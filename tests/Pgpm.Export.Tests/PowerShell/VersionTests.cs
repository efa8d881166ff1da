using System.Text.RegularExpressions;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.PowerShell;

public class VersionTests
{
    [Fact]
    public void Module_manifest_version_is_the_build_version()
    {
        var manifest = File.ReadAllText(RepositoryFiles.Path("Pgpm.Export.psd1"));
        Assert.NotEqual("", RepositoryFiles.Version);
        Assert.Equal(RepositoryFiles.Version, Regex.Match(manifest, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value);
        Assert.Equal(RepositoryFiles.Version, typeof(Pgpm.Export.Exporting.ProjectExporter).Assembly.GetName().Version!.ToString(3));
    }
}
