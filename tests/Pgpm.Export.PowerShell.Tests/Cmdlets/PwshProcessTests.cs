using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// The module in the real pwsh 7.6.9 process (the local tool), as a newcomer's script runs it: `pwsh -File` without
/// -NonInteractive, so the console host itself meets the prompt, and stdin redirected so no one can answer.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class PwshProcessTests(ModuleFixture module)
{
    /// <summary>
    /// Replacing a package without -Force asks; when stdin ends (from /dev/null or a closed pipe) the console host
    /// throws NullReferenceException at the prompt. The command must give its own PackageExists error naming -Force
    /// (commit 8a6f5cc) and leave the package as it was.
    /// </summary>
    /// <remarks>
    /// Only the module's error is printed: not the question no one can answer (the console host writes the prompt
    /// before it finds it cannot read the answer), nor its caption (a newcomer's trial, item 5).
    /// </remarks>
    [Theory]
    [InlineData("/dev/null")]
    [InlineData("a closed pipe")]
    [InlineData("-NonInteractive")]
    public async Task Replacing_a_package_with_no_one_to_answer_is_the_modules_own_error(string stdin)
    {
        using var folder = new TempDirectory();
        var script = folder.Combine("export.ps1");
        File.WriteAllText(
            script,
            """
            param($manifest, $connectionString, $databaseId, $out)
            Import-Module $manifest -ErrorAction Stop
            Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out | Out-Null
            try {
                Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out -ErrorAction Stop | Out-Null
                'ID=none'
            }
            catch { "ID=$($_.FullyQualifiedErrorId)"; "MESSAGE=$($_.Exception.Message)"; "TYPE=$($_.Exception.GetType().FullName)" }
            """
        );
        var arguments = new[]
        {
            module.Manifest,
            module.Servers.ConnectionString,
            SampleDatabase.SampleId.ToString(),
            folder.Combine("workspace"),
        };
        // `dotnet pwsh` is the local tool of the repository's manifest, so it runs from the repository.
        var result =
            stdin == "/dev/null"
                ? await ProcessRunner.RunAsync(
                    "bash",
                    ["-c", "exec dotnet pwsh -NoProfile -File \"$@\" < /dev/null", "pwsh", script, .. arguments],
                    workingDirectory: RepositoryFiles.Root,
                    check: false
                )
            : stdin == "-NonInteractive"
                ? await ProcessRunner.RunAsync(
                    "dotnet",
                    ["pwsh", "-NoProfile", "-NonInteractive", "-File", script, .. arguments],
                    workingDirectory: RepositoryFiles.Root,
                    check: false
                )
            : await ProcessRunner.RunAsync(
                "dotnet",
                ["pwsh", "-NoProfile", "-File", script, .. arguments],
                workingDirectory: RepositoryFiles.Root,
                check: false
            );
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("ID=PackageExists,Pgpm.Export.PowerShell.Cmdlets.ExportPgpmProjectCommand", output);
        Assert.Contains("-Force", output);
        Assert.DoesNotContain("NullReferenceException", output);
        Assert.DoesNotContain("Replace its plan and scripts?", output);
        Assert.DoesNotContain("Replace an existing package", output);
    }
}
