using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// A newcomer's trial: Export-PgpmProject -Verbose said "Following schema version 0.16 from the manifest given
/// (-ManifestPath)" though no -ManifestPath was given (the cmdlet chose the version, then handed the choice to the
/// engine as if it were a given manifest). -Verbose now says once why a version was chosen, and names -ManifestPath
/// only when it was used.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class VerboseTests(ModuleFixture module)
{
    [Theory]
    [InlineData("-ConnectionString $connectionString")]
    [InlineData("-GraphQLEndpoint $endpoint -Token $token")]
    public void Verbose_says_once_which_schema_version_and_why(string source)
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var result = shell
            .Invoke(
                $$"""
                param($out)
                Export-PgpmProject {{source}} -DatabaseId $databaseId -OutputPath $out -Verbose 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
                """,
                output.Path
            )
            .ThrowOnError();
        var verbose = result.Output.Select(o => o.ToString()).ToList();
        Assert.DoesNotContain(verbose, line => line.Contains("-ManifestPath", StringComparison.Ordinal));
        Assert.Single(verbose, line => line.StartsWith("Schema version ", StringComparison.Ordinal));
    }
}
