using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>Help as Get-Help shows it in the real engine (-Online).</summary>
[Collection(ModuleCollection.Name)]
public sealed class HelpTests(ModuleFixture module)
{
    public static TheoryData<string> Cmdlets =>
        new()
        {
            "Export-PgpmProject",
            "Get-ExportDatabase",
            "Get-ExportSchema",
            "Get-ExportSqlAction",
            "Get-ExportTable",
            "New-PgpmExportSource",
        };

    /// <summary>
    /// The module has no public address yet, so there is no online help: -Online must say so, not fail on a
    /// relative markdown link (about_Pgpm.Export.md) taken for a URI. PowerShell opens the first absolute
    /// http(s) related link; none is offered, and no relative one is left in the MAML.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Online_help_is_absent_rather_than_broken(string cmdlet)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $"(Get-Help {cmdlet} -Full).relatedLinks.navigationLink | ForEach-Object {{ \"$($_.linkText)|$($_.uri)\" }}"
        );
        Assert.Null(result.Error);
        Assert.Contains("about_Pgpm.Export|", result.Output.Select(o => o.ToString()));
        Assert.All(result.Output.Select(o => o.ToString()!.Split('|')[1]), uri =>
            Assert.True(uri == "" || uri.StartsWith("https://"), uri)
        );

        result = shell.Invoke($"Get-Help {cmdlet} -Online");
        Assert.NotNull(result.Error);
        Assert.DoesNotContain("is not valid", result.Error.ToString());
    }
}
