using System.Management.Automation;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>Export-PgpmProject as PowerShell users drive it: databases by property name, prompts, paths.</summary>
[Collection(ModuleCollection.Name)]
public sealed class ExportPgpmProjectTests(ModuleFixture module)
{
    [Theory]
    [InlineData("[pscustomobject]@{ DatabaseId = $databaseId }")]
    [InlineData("[pscustomobject]@{ Id = $databaseId; Name = 'whatever' }")]
    [InlineData("Get-ExportDatabase -Source $s -Name $databaseName | Export-Clixml $clixml; Import-Clixml $clixml")]
    // What a job or remoting hands back (Start-Job needs a pwsh executable: the Pester suite runs that one).
    [InlineData(
        "[Management.Automation.PSSerializer]::Deserialize("
            + "[Management.Automation.PSSerializer]::Serialize((Get-ExportDatabase -Source $s -Name $databaseName)))"
    )]
    public void A_database_given_by_property_name_is_exported(string database)
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var result = shell.Invoke(
            $$"""
            param($out, $clixml, $manifestPath)
            $s = New-PgpmExportSource -GraphQLEndpoint $endpoint -Token $token
            try { & { {{database}} } | Export-PgpmProject -Source $s -OutputPath $out | ForEach-Object Name }
            finally { $s.Dispose() }
            """,
            output.Combine("workspace"),
            output.Combine("db.xml"),
            module.Manifest
        );
        Assert.Null(result.Error);
        Assert.Equal(["pets", "pets-service"], result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Replacing_a_package_in_a_non_interactive_session_is_refused_with_the_modules_own_error()
    {
        using var shell = new PowerShellRun(module, new TestHost(interactive: false));
        using var output = new TempDirectory();
        Assert.Null(Export(shell, output.Path, "").Error);
        var before = TempDirectory.Snapshot(output.Path);

        foreach (var confirm in new[] { "", "-Confirm:$false" })
        {
            var error = Export(shell, output.Path, confirm).Error;
            Assert.NotNull(error);
            Assert.StartsWith("PackageExists,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Contains("-Force", error.ToString());
            Assert.Equal(before, TempDirectory.Snapshot(output.Path));
        }
        Assert.Null(Export(shell, output.Path, "-Force").Error);
    }

    [Fact]
    public void Replacing_a_package_asks_an_interactive_host_and_refuses_without_asking_under_Confirm_false()
    {
        using var shell = new PowerShellRun(module, new TestHost(interactive: true, choice: 0));
        using var output = new TempDirectory();
        Assert.Null(Export(shell, output.Path, "").Error);
        Assert.Empty(shell.Host.Prompts);

        Assert.Null(Export(shell, output.Path, "").Error);
        Assert.Equal(2, shell.Host.Prompts.Count);
        Assert.Contains("already exists", shell.Host.Prompts[0]);

        Assert.StartsWith("PackageExists,", Export(shell, output.Path, "-Confirm:$false").Error?.FullyQualifiedErrorId);
        Assert.Equal(2, shell.Host.Prompts.Count);
    }

    /// <summary>
    /// Replacing both packages of a database (or of every piped database) takes one "Yes to All", as PowerShell's own
    /// commands offer: the question gave only Yes and No, so each package was asked for (a PowerShell user's trial).
    /// </summary>
    [Fact]
    public void Replacing_packages_offers_Yes_to_All_and_then_asks_no_more()
    {
        using var shell = new PowerShellRun(module, new TestHost(interactive: true, choice: 1));
        using var output = new TempDirectory();
        Assert.Null(Export(shell, output.Path, "").Error);
        var plan = Path.Combine(output.Path, "packages", Pgpm.Export.Sandbox.SampleDatabase.SampleName, "pgpm.plan");
        File.WriteAllText(plan, "changed by hand\n");

        Assert.Null(Export(shell, output.Path, "").Error);

        Assert.Single(shell.Host.Prompts);
        Assert.Equal("Yes to &All", shell.Host.LastChoices[1]);
        Assert.NotEqual("changed by hand\n", File.ReadAllText(plan));
    }

    [Theory]
    [InlineData("-OutputPath Env:\\pgpm_export_test")]
    [InlineData("-OutputPath Variable:\\pgpm_export_test")]
    [InlineData("-OutputPath $out -ManifestPath Env:\\pgpm_export_manifest")]
    public void A_path_on_another_provider_than_the_file_system_is_refused(string paths)
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var before = Directory.GetFileSystemEntries(Environment.CurrentDirectory);
        var result = shell.Invoke(
            $"param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId {paths}",
            output.Combine("w")
        );
        var error = result.Error;
        Assert.NotNull(error);
        Assert.StartsWith("PathNotFileSystem,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(before, Directory.GetFileSystemEntries(Environment.CurrentDirectory));
        Assert.False(Directory.Exists(output.Combine("w")));
    }

    [Theory]
    [InlineData("-ConnectionString \"Host=127.0.0.1;Port=$port;Username=u;Database=x;Timeout=5\"")]
    [InlineData("-GraphQLEndpoint \"http://127.0.0.1:$port/graphql\"")]
    public void A_path_on_another_provider_is_refused_before_the_source_is_contacted(string source)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $"param($port) Export-PgpmProject {source} -DatabaseId $databaseId -OutputPath Env:\\pgpm_export_test",
            Pgpm.Export.Sandbox.LoopbackPort.Free()
        );
        Assert.StartsWith("PathNotFileSystem,", result.Error?.FullyQualifiedErrorId);
    }

    [Fact]
    public void Rows_refused_from_a_wrong_CSV_give_a_bounded_number_of_errors_and_one_summary()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var result = shell.Invoke(
            """
            param($out)
            1..50 | ForEach-Object { [pscustomobject]@{ id = [guid]::NewGuid(); database_id = $databaseId; name = "row $_" } } |
                ConvertTo-Csv | ConvertFrom-Csv |
                Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out
            """,
            output.Combine("w")
        );
        var all = result.Errors.Append(result.Thrown?.ErrorRecord).OfType<ErrorRecord>().ToList();
        Assert.Equal(10, all.Count(e => e.FullyQualifiedErrorId.StartsWith("RowTypeUnknown,")));
        var summary = all.First(e => e.FullyQualifiedErrorId.StartsWith("PipedRowsRejected,"));
        Assert.Contains("50 of 50", summary.ToString());
        Assert.Contains("the first 10", summary.ToString());
        Assert.False(Directory.Exists(output.Combine("w")));
    }

    /// <summary>
    /// A newcomer's trial: a refused piped object had its position (1, 2) as TargetObject, and an output path that is a
    /// file had none. The TargetObject is now the object itself, and the path.
    /// </summary>
    [Fact]
    public void Refused_input_and_a_file_as_output_path_are_the_TargetObject()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var piped = shell.Invoke(
            """
            param($out)
            'hello', 42 | Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out
            """,
            output.Combine("w")
        );
        var refused = piped.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("RowTypeUnknown,")).ToList();
        Assert.Equal(["hello", "42"], refused.Select(e => (e.TargetObject is PSObject o ? o.BaseObject : e.TargetObject)?.ToString()));

        var file = output.Combine("a-file");
        File.WriteAllText(file, "not a workspace");
        var error = shell
            .Invoke("param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out", file)
            .Error;
        Assert.NotNull(error);
        Assert.StartsWith("OutputPathIsFile,", error.FullyQualifiedErrorId);
        Assert.Equal(file, error.TargetObject);
    }

    /// <summary>
    /// A newcomer's trial: piping only sql_actions warned that the database "has no rows in any meta table", though it
    /// has 25; none were piped. The warning now says so and how to write the service package, as the opposite case does.
    /// </summary>
    [Fact]
    public void Piping_only_sql_actions_says_no_meta_rows_were_given()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var result = shell
            .Invoke(
                """
                param($out)
                Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $databaseId |
                    Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out
                """,
                output.Combine("w")
            )
            .ThrowOnError();
        var warning = Assert.Single(result.Warnings, w => w.Message.StartsWith("No service package was written", StringComparison.Ordinal));
        Assert.Contains("no meta table rows were given", warning.Message);
        Assert.Contains("Get-ExportTable", warning.Message);
        Assert.DoesNotContain("has no rows in any meta table", warning.Message);
    }

    private static PowerShellRun.Result Export(PowerShellRun shell, string output, string extra) =>
        shell.Invoke(
            $"param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out {extra}",
            output
        );
}
