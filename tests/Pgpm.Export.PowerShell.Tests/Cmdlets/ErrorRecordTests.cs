using System.Management.Automation;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Errors raised from a cmdlet name the cmdlet's parameters (never the command line's flags),
/// read as one sentence each, and carry the thing that failed as TargetObject.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class ErrorRecordTests(ModuleFixture module)
{
    [Fact]
    public void A_refused_token_names_the_Token_parameter_and_targets_the_endpoint()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $wrong = ConvertTo-SecureString 'wrong-token' -AsPlainText -Force
            New-PgpmExportSource -GraphQLEndpoint $endpoint -Token $wrong
            """
        );
        var error = AssertError(result, "GraphQLUnauthorized", ErrorCategory.AuthenticationError);
        Assert.Contains("-Token", error.ToString());
        Assert.DoesNotContain("--token", error.ToString());
        Assert.DoesNotContain("{option:", error.ToString());
        Assert.DoesNotContain("..", error.ToString());
        Assert.Equal(module.Servers.GraphQL.Endpoint.ToString(), error.TargetObject?.ToString());
    }

    [Fact]
    public void A_bad_package_name_names_the_ExtensionName_parameters()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $out = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
            Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -ExtensionName 'Not A Name' -OutputPath $out
            """
        );
        var error = AssertError(result, "PackageNameInvalid", ErrorCategory.InvalidArgument);
        Assert.Contains("-ExtensionName / -MetaExtensionName", error.ToString());
        Assert.DoesNotContain("--", error.ToString());
    }

    [Fact]
    public void A_missing_database_is_the_target_of_its_error()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $out = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
            Export-PgpmProject -ConnectionString $connectionString -Database nosuch -OutputPath $out
            """
        );
        var error = AssertError(result, "DatabaseNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("nosuch", error.TargetObject);
    }

    [Fact]
    public void A_refused_login_targets_the_server()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            New-PgpmExportSource -ConnectionString ($connectionString -replace 'Username=[^;]+', 'Username=nobody_here')
            """
        );
        var error = AssertError(result, "SqlAuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Matches(@"^postgresql://nobody_here@[^:/]+:\d+/", error.TargetObject?.ToString());
    }

    /// <summary>A newcomer found these with an empty TargetObject: a category to exclude, a schema, an endpoint.</summary>
    [Theory]
    [InlineData(
        "Export-PgpmProject -ConnectionString $connectionString -Database $databaseName -OutputPath $out -ExcludeCategory Bogus",
        "CategoryUnknown",
        ErrorCategory.InvalidArgument,
        "Bogus"
    )]
    [InlineData(
        "Export-PgpmProject -ConnectionString $connectionString -Database $databaseName -OutputPath $out -Schema nosuch",
        "SchemaNotFound",
        ErrorCategory.InvalidArgument,
        "nosuch"
    )]
    [InlineData(
        "New-PgpmExportSource -GraphQLEndpoint 'ftp://x' -Token 'wrong'",
        "EndpointInvalid",
        ErrorCategory.InvalidArgument,
        "ftp://x"
    )]
    public void What_was_given_wrong_is_the_target_of_its_error(string command, string id, ErrorCategory category, string target)
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke("$out = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())\n" + command);
        var error = AssertError(result, id, category);
        Assert.Equal(target, error.TargetObject);
    }

    [Fact]
    public void A_closed_source_is_one_sentence_of_the_module_s_own()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            """
            $s = New-PgpmExportSource -ConnectionString $connectionString
            $s.Dispose()
            Get-ExportDatabase -Source $s
            """
        );
        var error = AssertError(result, "SourceClosed", ErrorCategory.InvalidOperation);
        Assert.DoesNotContain("Object name", error.ToString());
        Assert.EndsWith("make a new one with New-PgpmExportSource.", error.ToString());
    }

    private static ErrorRecord AssertError(PowerShellRun.Result result, string id, ErrorCategory category)
    {
        var error = result.Error;
        Assert.NotNull(error);
        Assert.StartsWith(id + ",", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }
}
