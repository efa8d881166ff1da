using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// -Token takes a plain string as well as a SecureString: PowerShell users hold tokens as strings (from a vault, an
/// environment variable), and a string failed parameter binding. The token still never shows in any stream, error or
/// verbose line (a newcomer's trial, item 6).
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class TokenParameterTests(ModuleFixture module)
{
    [Theory]
    [InlineData("$t = $plainToken; Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $t")]
    [InlineData(
        "$env:PGPM_TEST_TOKEN = $plainToken; "
            + "try { Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $env:PGPM_TEST_TOKEN } "
            + "finally { Remove-Item Env:PGPM_TEST_TOKEN }"
    )]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token")]
    [InlineData(
        "$s = New-PgpmExportSource -GraphQLEndpoint $endpoint -Token ([string]$plainToken); "
            + "try { Get-ExportDatabase -Source $s } finally { $s.Dispose() }"
    )]
    public void A_token_binds_from_a_string_or_a_SecureString(string script)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(script);
        Assert.Null(result.Error);
        Assert.Equal([Pgpm.Export.Sandbox.SampleDatabase.SampleName], result.Output.Select(o => ((dynamic)o).Name as string));
    }

    [Theory]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token ($plainToken + 'x') -Verbose")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $plainToken -Verbose -Debug")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint 'http://127.0.0.1:1/graphql' -Token $plainToken -Verbose")]
    [InlineData("Get-ExportTable -GraphQLEndpoint $endpoint -Token $plainToken -Name nosuch -DatabaseId $databaseId -Verbose")]
    public void A_string_token_never_appears_in_any_stream_or_error(string script)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            $$"""
            $DebugPreference = 'Continue'
            $all = & { {{script}} } *>&1 | Out-String -Width 4096
            $all
            $Error | ForEach-Object {
                $_ | Format-List * -Force | Out-String -Width 4096
                $_.Exception | Format-List * -Force | Out-String -Width 4096
            }
            Get-History | Out-String
            """
        );
        var text =
            string.Join("\n", result.Output.Select(o => o?.ToString()))
            + string.Join("\n", result.Errors.Select(e => e.ToString() + e.Exception));
        Assert.NotEmpty(text.Trim());
        Assert.DoesNotContain(module.Servers.Token, text);
    }

    [Fact]
    public void A_string_token_on_the_line_is_used_by_completion()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $line = 'Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $plainToken -Name '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            """
        );
        Assert.Null(result.Error);
        Assert.Equal([Pgpm.Export.Sandbox.SampleDatabase.SampleName], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_empty_string_token_is_refused_naming_the_parameter()
    {
        using var shell = new PowerShellRun(module);
        var error = shell.Invoke("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token ''").Error;
        Assert.NotNull(error);
        Assert.Contains("Token", error.ToString());
        Assert.Contains("empty", error.ToString());
    }

    [Fact]
    public void A_string_token_and_a_credential_together_are_refused_without_echoing_either()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $cred = [pscredential]::new('x', $token)
            Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $plainToken -Credential $cred
            """
        );
        Assert.NotNull(result.Error);
        Assert.StartsWith("TokenGivenTwice,", result.Error.FullyQualifiedErrorId);
        Assert.DoesNotContain(module.Servers.Token, result.Error.ToString());
    }
}
