using System.Management.Automation;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// -Database (a name) works on every cmdlet that reads one database, as on Export-PgpmProject: the same resolution,
/// the same errors (DatabaseNotFound with the name as TargetObject, DatabaseGivenTwice), the same completer. Before,
/// PowerShell expanded -Database to -DatabaseId and a name failed Guid conversion.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class DatabaseParameterTests(ModuleFixture module)
{
    public static TheoryData<string, string> ByName =>
        new()
        {
            {
                "Get-ExportSchema -ConnectionString $connectionString -Database $databaseName",
                "Get-ExportSchema -ConnectionString $connectionString -DatabaseId $databaseId"
            },
            {
                "Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -Database $databaseName -Name apis, field",
                "Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId -Name apis, field"
            },
            {
                "Get-ExportSqlAction -ConnectionString $connectionString -Database $databaseName",
                "Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $databaseId"
            },
        };

    [Theory]
    [MemberData(nameof(ByName))]
    public void A_database_name_reads_the_same_as_its_id(string byName, string byId)
    {
        using var shell = new PowerShellRun(module);
        var named = shell.Invoke($"{byName} | ConvertTo-Json -Depth 3 -Compress -EnumsAsStrings");
        var identified = shell.Invoke($"{byId} | ConvertTo-Json -Depth 3 -Compress -EnumsAsStrings");
        Assert.Null(named.Error);
        Assert.Null(identified.Error);
        Assert.NotEmpty(identified.Output);
        Assert.Equal(identified.Output.Select(o => o.ToString()), named.Output.Select(o => o.ToString()));
    }

    /// <summary>
    /// A row piped into a cmdlet that reads one database binds the row's database (its database_id), not the row's own
    /// id through the Id alias, which a database object needs (a PowerShell user's trial: a schema row gave "No database
    /// has the id" with the schema's id). A row of metaschema_public.database has no database_id; its id is the database's.
    /// </summary>
    [Theory]
    [InlineData("schema")]
    [InlineData("field")]
    [InlineData("database")]
    public void A_piped_row_binds_the_database_it_belongs_to(string table)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $"Get-ExportTable -ConnectionString $connectionString -DatabaseId $databaseId -Name {table} | Select-Object -First 1 "
                + "| Get-ExportSchema -ConnectionString $connectionString"
        );
        Assert.Null(result.Error);
        Assert.NotEmpty(result.Output);
        Assert.All(result.Output, schema =>
            Assert.Equal(Pgpm.Export.Sandbox.SampleDatabase.SampleId, (Guid)schema.Properties["DatabaseId"].Value)
        );
    }

    [Theory]
    [InlineData("Get-ExportSchema")]
    [InlineData("Get-ExportTable")]
    [InlineData("Get-ExportSqlAction")]
    [InlineData("Export-PgpmProject -OutputPath ./nowhere")]
    public void An_unknown_name_is_DatabaseNotFound_with_the_name_as_target(string command)
    {
        using var shell = new PowerShellRun(module);
        var error = shell.Invoke($"{command} -ConnectionString $connectionString -Database nosuch").Error;
        Assert.NotNull(error);
        Assert.StartsWith("DatabaseNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nosuch", error.TargetObject);
        Assert.Contains(Pgpm.Export.Sandbox.SampleDatabase.SampleName, error.ToString());
    }

    /// <summary>
    /// A newcomer's trial: Get-ExportDatabase -Name and -Database on the other cmdlets said a missing name differently
    /// (one listed names only, the other names and ids). One sentence now, whichever cmdlet finds the name missing.
    /// </summary>
    [Fact]
    public void Get_ExportDatabase_reports_a_missing_name_as_the_other_cmdlets_do()
    {
        using var shell = new PowerShellRun(module);
        var listed = shell.Invoke("Get-ExportDatabase -ConnectionString $connectionString -Name nosuch").Error;
        var exported = shell.Invoke("Export-PgpmProject -OutputPath ./nowhere -ConnectionString $connectionString -Database nosuch").Error;
        Assert.NotNull(listed);
        Assert.NotNull(exported);
        Assert.Equal(exported.FullyQualifiedErrorId.Split(',')[0], listed.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(exported.Exception.Message, listed.Exception.Message);
        Assert.Equal(exported.TargetObject, listed.TargetObject);
    }

    [Theory]
    [InlineData("Get-ExportSchema")]
    [InlineData("Get-ExportTable")]
    [InlineData("Get-ExportSqlAction")]
    [InlineData("Export-PgpmProject -OutputPath ./nowhere")]
    public void A_database_given_by_name_and_id_is_refused(string command)
    {
        using var shell = new PowerShellRun(module);
        var error = shell.Invoke($"{command} -ConnectionString $connectionString -Database $databaseName -DatabaseId $databaseId").Error;
        Assert.NotNull(error);
        Assert.StartsWith("DatabaseGivenTwice,", error.FullyQualifiedErrorId);
        Assert.Contains("-Database", error.ToString());
        Assert.Contains("-DatabaseId", error.ToString());
    }

    [Theory]
    [InlineData("Get-ExportSchema")]
    [InlineData("Get-ExportTable")]
    [InlineData("Get-ExportSqlAction")]
    public void Without_a_database_the_error_says_how_to_give_one(string command)
    {
        using var shell = new PowerShellRun(module);
        var error = shell.Invoke($"{command} -ConnectionString $connectionString").Error;
        Assert.NotNull(error);
        Assert.StartsWith("DatabaseNotGiven,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Database", error.ToString());
        Assert.Contains(Pgpm.Export.Sandbox.SampleDatabase.SampleName, error.ToString());
    }

    [Theory]
    [InlineData("Get-ExportSchema -GraphQLEndpoint $endpoint -Token $token -Database ")]
    [InlineData("Get-ExportTable -ConnectionString $connectionString -Database p")]
    [InlineData("Get-ExportSqlAction -GraphQLEndpoint $endpoint -Token $token -Database ")]
    public void Database_completes_the_names_of_the_source_on_the_line(string line)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            "param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText",
            line
        );
        Assert.Null(result.Error);
        Assert.Equal([Pgpm.Export.Sandbox.SampleDatabase.SampleName], result.Output.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData("Get-ExportSqlAction -ConnectionString $connectionString -Database $databaseName -ExcludeCategory ")]
    public void Completers_that_need_the_database_take_it_by_name(string line)
    {
        using var shell = new PowerShellRun(module);
        var expected = shell
            .Invoke(
                "Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $databaseId "
                    + "| ForEach-Object category | Sort-Object -Unique"
            )
            .Output.Select(o => o.ToString())
            .ToList();
        var result = shell.Invoke(
            "param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object",
            line
        );
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Output.Select(o => o.ToString()));
    }
}
