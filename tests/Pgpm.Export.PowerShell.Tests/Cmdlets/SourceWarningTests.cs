using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// A warning about the source itself (an API that refuses introspection, so tables and columns no manifest lists
/// cannot be seen) reaches every command that reads through a -Source object, once per command, not only the
/// New-PgpmExportSource that opened it: a runbook captures warnings per command, and the one that exports must carry it,
/// as the command line and -GraphQLEndpoint do.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class SourceWarningTests(ModuleFixture module) : IAsyncLifetime
{
    private const string Unseen = "refuses introspection, so only the tables and columns a manifest lists can be found";

    private LocalGraphQLServer? _server;

    public async Task InitializeAsync() =>
        _server = await LocalGraphQLServer.StartAsync(
            module.Servers.Postgres,
            SampleDatabase.DatabaseName,
            new GraphQLServerOptions { ExportSqlActionsPlugin = true, IntrospectionDisabled = true }
        );

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("Get-ExportDatabase -Source $source")]
    [InlineData("Get-ExportSchema -Source $source -DatabaseId $databaseId")]
    [InlineData("Get-ExportTable -Source $source -DatabaseId $databaseId")]
    [InlineData("Get-ExportTable -Source $source -ListAvailable")]
    [InlineData("Get-ExportSqlAction -Source $source -DatabaseId $databaseId")]
    [InlineData("Export-PgpmProject -Source $source -DatabaseId $databaseId -OutputPath $out")]
    public void Every_command_reading_through_a_source_object_carries_the_source_warning_once(string command)
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var opened = shell.Invoke(
            "param($endpoint) $global:source = New-PgpmExportSource -GraphQLEndpoint $endpoint",
            _server!.Endpoint.ToString()
        );
        Assert.Null(opened.Error);
        Assert.Single(opened.Warnings, w => w.Message.Contains(Unseen));
        try
        {
            var result = shell.Invoke($"param($out) {command} | Out-Null", output.Combine("export"));
            Assert.Null(result.Error);
            var warning = Assert.Single(result.Warnings, w => w.Message.Contains(Unseen));
            Assert.Contains(_server.Endpoint.ToString(), warning.Message);
        }
        finally
        {
            shell.Invoke("$source.Dispose()");
        }
    }

    [Fact]
    public void A_command_opening_the_source_itself_warns_once_too()
    {
        using var shell = new PowerShellRun(module);
        var result = shell.Invoke(
            "param($endpoint) Get-ExportTable -GraphQLEndpoint $endpoint -DatabaseId $databaseId | Out-Null",
            _server!.Endpoint.ToString()
        );
        Assert.Null(result.Error);
        Assert.Single(result.Warnings, w => w.Message.Contains(Unseen));
    }
}
