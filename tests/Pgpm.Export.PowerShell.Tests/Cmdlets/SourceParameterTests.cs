using System.Management.Automation;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// How the cmdlets find their source when none is on the line, as the command line does:
/// $env:PGPM_EXPORT_CONNECTION_STRING, or else the module's own error naming every way to give one.
/// The in-engine tests run one after another (one collection), so setting the variable here disturbs no other test.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class SourceParameterTests(ModuleFixture module)
{
    private const string Variable = "PGPM_EXPORT_CONNECTION_STRING";

    [Theory]
    [InlineData("(Get-ExportDatabase).Name")]
    [InlineData("(Get-ExportSchema -DatabaseId $databaseId | Select-Object -First 1).DatabaseId")]
    [InlineData("(Get-ExportTable -DatabaseId $databaseId -Name database).name")]
    [InlineData("(Get-ExportSqlAction -DatabaseId $databaseId | Select-Object -First 1).database_id")]
    [InlineData("$s = New-PgpmExportSource; try { $s.Kind } finally { $s.Dispose() }")]
    [InlineData(
        "$out = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()); "
            + "try { (Export-PgpmProject -DatabaseId $databaseId -OutputPath $out).Name } finally { Remove-Item $out -Recurse -Force }"
    )]
    public void The_connection_string_variable_is_the_source_when_none_is_given(string script)
    {
        using var shell = new PowerShellRun(module);
        Environment.SetEnvironmentVariable(Variable, module.Servers.ConnectionString);
        try
        {
            var result = shell.Invoke(script);
            Assert.Null(result.Error);
            Assert.NotEmpty(result.Output);
            Assert.All(result.Output, o => Assert.False(string.IsNullOrEmpty(o?.ToString())));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Theory]
    [InlineData("Get-ExportDatabase")]
    [InlineData("Get-ExportTable -DatabaseId $databaseId")]
    [InlineData("New-PgpmExportSource")]
    [InlineData("Export-PgpmProject -DatabaseId $databaseId -OutputPath ./nowhere")]
    public void Without_a_source_the_module_says_every_way_to_give_one(string script)
    {
        using var shell = new PowerShellRun(module);
        Assert.Null(Environment.GetEnvironmentVariable(Variable));
        var error = shell.Invoke(script).Error;
        Assert.NotNull(error);
        Assert.StartsWith("SourceNotGiven,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        foreach (var way in new[] { "-GraphQLEndpoint", "-ConnectionString", "$env:PGPM_EXPORT_CONNECTION_STRING", "-Source" })
            Assert.Contains(way, error.ToString());
    }

    [Fact]
    public void A_token_without_an_endpoint_asks_for_the_endpoint_not_for_a_connection_string()
    {
        using var shell = new PowerShellRun(module);
        var error = shell.Invoke("Get-ExportDatabase -Token $token").Error;
        Assert.NotNull(error);
        Assert.Contains("GraphQLEndpoint", error.ToString());
    }
}
