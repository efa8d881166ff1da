using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// What the cmdlets emit shows its properties and the methods every object has in Get-Member, nothing the C#
/// compiler generated for a record (<c>&lt;Clone&gt;$</c>, <c>Deconstruct</c>, <c>EqualityContract</c>): PowerShell
/// users learn a type from Get-Member.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class OutputMemberTests(ModuleFixture module)
{
    /// <summary>Methods every .NET object has, shown by Get-Member for any object (the base class's, not the module's).</summary>
    private static readonly string[] ObjectMethods = ["Equals", "GetHashCode", "GetType", "ToString"];

    [Theory]
    [InlineData("New-PgpmExportSource -GraphQLEndpoint $endpoint -Token $token", "Dispose")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token -Name $databaseName", "")]
    [InlineData("Get-ExportSchema -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId | Select-Object -First 1", "")]
    [InlineData("Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -ListAvailable | Select-Object -First 1", "")]
    [InlineData("Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId -Name database", "")]
    [InlineData("Get-ExportSqlAction -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId | Select-Object -First 1", "")]
    [InlineData(
        "Export-PgpmProject -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId "
            + "-OutputPath (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())) | Select-Object -First 1",
        ""
    )]
    // What a package summary's Omissions hold (an export allowed to leave columns out), and the table each names.
    [InlineData(
        "[Pgpm.Export.Model.ExportOmission]::new("
            + "[Pgpm.Export.Model.TableRef]::new('services_public', 'apis'), 'dbname', 'hidden by the server')",
        ""
    )]
    [InlineData("[Pgpm.Export.Model.TableRef]::new('services_public', 'apis')", "CompareTo")]
    public void Get_Member_shows_properties_and_ordinary_methods_only(string command, string ownMethods)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $$"""
            $value = {{command}}
            $value | Get-Member | ForEach-Object { '{0} {1}' -f $_.MemberType, $_.Name }
            if ($value -is [IDisposable]) { $value.Dispose() }
            if ($value -is [Pgpm.Export.Writing.PackageSummary]) { Remove-Item -Recurse -Force (Split-Path (Split-Path $value.Path)) }
            """
        );
        Assert.Null(result.Error);
        var members = result.Output.Select(o => o.ToString()!.Split(' ', 2)).ToList();
        Assert.NotEmpty(members);
        var methods = members.Where(m => m[0] == "Method").Select(m => m[1]).ToList();
        Assert.Equal(ObjectMethods.Concat(ownMethods.Split(',', StringSplitOptions.RemoveEmptyEntries)).Order(), methods.Order());
        Assert.DoesNotContain(members, m => m[1].Contains('<') || m[1].Contains('$') || m[1] == "EqualityContract");
        Assert.Contains(members, m => m[0] is "Property" or "NoteProperty");
    }

    /// <summary>
    /// Both package summaries hold their Omissions as one type, a fixed array: the service package's was the export's
    /// working List (a PowerShell user's trial saw ExportOmission[] on one and List`1 on the other).
    /// </summary>
    [Fact]
    public void Both_package_summaries_hold_their_omissions_as_an_array()
    {
        using var shell = new PowerShellRun(module);
        using var output = new Pgpm.Export.Tests.Infrastructure.TempDirectory();
        var result = shell.Invoke(
            "param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out "
                + "| ForEach-Object { $_.Omissions.GetType().FullName }",
            output.Path
        );
        Assert.Null(result.Error);
        Assert.Equal(["Pgpm.Export.Model.ExportOmission[]", "Pgpm.Export.Model.ExportOmission[]"], result.Output.Select(o => o.ToString()));
    }

    /// <summary>A summary prints as what it is, not as the type name a class without ToString gives.</summary>
    [Theory]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token -Name $databaseName", "$databaseName")]
    [InlineData(
        "Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -ListAvailable | Where-Object Name -eq 'apis'",
        "'services_public.apis'"
    )]
    public void Output_objects_convert_to_their_name_in_a_string(string command, string expected)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke($"$value = {command}; \"$value\" -eq {expected}");
        Assert.Null(result.Error);
        Assert.Equal([true], result.Output.Select(o => o.BaseObject));
    }
}
