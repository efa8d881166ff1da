using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Every public output type of the module serialises its values as names under a plain ConvertTo-Json: no enum comes
/// out as a number (a package's Kind was 0 or 1), so users need no -EnumsAsStrings (a newcomer's trial, item 4).
/// ConvertTo-Json turns an enum into its number unless -EnumsAsStrings is given and honours no converter attribute, so
/// the test is that the plain output equals the -EnumsAsStrings output, and that the output is not empty.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class JsonOutputTests(ModuleFixture module)
{
    [Theory]
    [InlineData("New-PgpmExportSource -ConnectionString $connectionString")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token")]
    [InlineData("Get-ExportSchema -ConnectionString $connectionString -DatabaseId $databaseId")]
    [InlineData("Get-ExportTable -ConnectionString $connectionString -ListAvailable")]
    [InlineData("Get-ExportTable -ConnectionString $connectionString -DatabaseId $databaseId")]
    [InlineData("Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $databaseId")]
    [InlineData("Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out")]
    public void ConvertTo_Json_writes_names_not_numbers(string command)
    {
        using var shell = new PowerShellRun(module);
        using var folder = new Pgpm.Export.Tests.Infrastructure.TempDirectory();
        var result = shell.Invoke(
            $$"""
            param($out)
            $objects = @({{command}})
            $objects | ConvertTo-Json -Depth 6 -Compress -WarningAction SilentlyContinue
            $objects | ConvertTo-Json -Depth 6 -Compress -EnumsAsStrings -WarningAction SilentlyContinue
            $objects | Where-Object { $_ -is [IDisposable] } | ForEach-Object Dispose
            """,
            folder.Combine("export")
        );
        Assert.Null(result.Error);
        Assert.Equal(2, result.Output.Count);
        Assert.True(result.Output[0].ToString()!.Length > 10);
        Assert.Equal(result.Output[1].ToString(), result.Output[0].ToString());
    }

    [Fact]
    public void A_package_summary_says_its_kind_by_name()
    {
        using var shell = new PowerShellRun(module);
        using var folder = new Pgpm.Export.Tests.Infrastructure.TempDirectory();
        var result = shell.Invoke(
            """
            param($out)
            (Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out |
                ConvertTo-Json | ConvertFrom-Json).Kind
            """,
            folder.Combine("export")
        );
        Assert.Null(result.Error);
        Assert.Equal(["Database", "Service"], result.Output.Select(o => o.ToString()));
    }
}
