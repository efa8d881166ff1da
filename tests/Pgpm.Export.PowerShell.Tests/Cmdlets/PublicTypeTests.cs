using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>The types the module hands to PowerShell can be named there.</summary>
[Collection(ModuleCollection.Name)]
public sealed class PublicTypeTests(ModuleFixture module)
{
    [Theory]
    [InlineData("New-PgpmExportSource -GraphQLEndpoint $endpoint -Token $token", "Pgpm.Export.Commands.PgpmExportSource")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token -Name $databaseName", "Pgpm.Export.Model.DatabaseInfo")]
    [InlineData(
        "Export-PgpmProject -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId "
            + "-OutputPath (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())) | Select-Object -First 1",
        "Pgpm.Export.Writing.PackageSummary"
    )]
    public void Output_types_can_be_named_tested_with_is_and_used_as_parameter_types(string command, string type)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $$"""
            $value = {{command}}
            function Test-Typed { param([Parameter(Mandatory)][{{type}}] $Value) $Value.GetType().FullName }
            $value -is [{{type}}]
            Test-Typed -Value $value
            if ($value -is [IDisposable]) { $value.Dispose() }
            if ($value -is [Pgpm.Export.Writing.PackageSummary]) { Remove-Item -Recurse -Force (Split-Path (Split-Path $value.Path)) }
            """
        );
        Assert.Null(result.Error);
        Assert.Equal([true, type], result.Output.Select(o => o.BaseObject));
    }
}
