using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Tab completion as PowerShell runs it (TabExpansion2): -DatabaseId, -Database, -Schema and -ExcludeCategory complete
/// from the source on the line, with the token or credential given there, and a source that never answers gives
/// nothing instead of holding the prompt.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class CompletionTests(ModuleFixture module)
{
    private static List<string> Complete(PowerShellRun shell, string line)
    {
        var result = shell.Invoke(
            """
            param($line)
            $cred = [pscredential]::new('ignored', $token)
            $sql = New-PgpmExportSource -ConnectionString $connectionString
            try { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }
            finally { $sql.Dispose() }
            """,
            line
        );
        Assert.Null(result.Error);
        return result.Output.Select(o => o.ToString()!).ToList();
    }

    [Theory]
    [InlineData("Get-ExportSchema -ConnectionString $connectionString -DatabaseId ")]
    [InlineData("Get-ExportTable -GraphQLEndpoint $endpoint -Token $token -DatabaseId ")]
    [InlineData("Get-ExportSqlAction -GraphQLEndpoint $endpoint -Credential $cred -DatabaseId ")]
    [InlineData("Export-PgpmProject ./w -Source $sql -DatabaseId pe")]
    [InlineData("Export-PgpmProject ./w -Source $sql -DatabaseId 5e7a")]
    public void DatabaseId_completes_the_ids_of_the_source_on_the_line_by_id_or_name(string line)
    {
        using var shell = new PowerShellRun(module);
        Assert.Equal([Pgpm.Export.Sandbox.SampleDatabase.SampleId.ToString()], Complete(shell, line));
    }

    [Theory]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Token $token -Name ")]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint $endpoint -Credential $cred -Name p")]
    [InlineData("Export-PgpmProject ./w -GraphQLEndpoint $endpoint -Token $token -Database ")]
    public void Database_names_complete_with_the_token_or_credential_on_the_line(string line)
    {
        using var shell = new PowerShellRun(module);
        Assert.Equal([Pgpm.Export.Sandbox.SampleDatabase.SampleName], Complete(shell, line));
    }

    [Theory]
    [InlineData("Export-PgpmProject ./w -ConnectionString $connectionString -DatabaseId $databaseId -Schema ")]
    [InlineData("Export-PgpmProject ./w -GraphQLEndpoint $endpoint -Token $token -Database $databaseName -Schema ")]
    public void Schema_completes_the_schemas_of_the_database_on_the_line(string line)
    {
        using var shell = new PowerShellRun(module);
        var expected = shell
            .Invoke("Get-ExportSchema -ConnectionString $connectionString -DatabaseId $databaseId | ForEach-Object Name | Sort-Object")
            .Output.Select(o => o.ToString()!)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Complete(shell, line).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Export-PgpmProject ./w -Source $sql -DatabaseId $databaseId -ExcludeCategory ")]
    [InlineData("Get-ExportSqlAction -GraphQLEndpoint $endpoint -Token $token -DatabaseId $databaseId -ExcludeCategory ")]
    public void ExcludeCategory_completes_the_sql_action_categories_of_the_database(string line)
    {
        using var shell = new PowerShellRun(module);
        var expected = shell
            .Invoke(
                "Get-ExportSqlAction -ConnectionString $connectionString -DatabaseId $databaseId "
                    + "| ForEach-Object category | Sort-Object -Unique"
            )
            .Output.Select(o => o.ToString()!)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Complete(shell, line).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A newcomer's trial: "-Name services" completed nothing though README's own example is -Name 'services_public.*',
    /// and -SchemaVersion completed file names. A schema prefix now completes qualified names, and -SchemaVersion the
    /// built-in versions.
    /// </summary>
    [Fact]
    public void Name_completes_qualified_names_from_a_schema_prefix_and_SchemaVersion_the_versions()
    {
        using var shell = new PowerShellRun(module);
        var services = Complete(shell, "Get-ExportTable -Name services");
        Assert.Contains("services_public.domains", services);
        Assert.All(services, name => Assert.StartsWith("services_public.", name));
        Assert.Contains("field", Complete(shell, "Get-ExportTable -Name fi"));
        Assert.DoesNotContain(Complete(shell, "Get-ExportTable -Name "), name => name.Contains('.'));

        var versions = Complete(shell, "Export-PgpmProject ./w -SchemaVersion ");
        Assert.Contains("0.15.5", versions);
        Assert.Contains("0.16", versions);
        Assert.All(versions, version => Assert.Matches(@"^\d+(\.\d+)+$", version));
        Assert.Equal(["0.15.5"], Complete(shell, "Export-PgpmProject ./w -SchemaVersion 0.15"));
    }

    [Fact]
    public void Without_a_source_on_the_line_nothing_is_offered_rather_than_file_names()
    {
        using var shell = new PowerShellRun(module);
        Assert.Empty(Complete(shell, "Export-PgpmProject ./w -DatabaseId "));
        Assert.Empty(Complete(shell, "Export-PgpmProject ./w -Schema "));
        Assert.Empty(Complete(shell, "Get-ExportSqlAction -ExcludeCategory "));
    }

    /// <summary>
    /// A loopback port nothing listens on: the host refuses at once, so completion gives up at once instead of after
    /// the source's retries (about 4 s before). Two seconds is a generous bound for a refusal and a runspace call.
    /// </summary>
    [Theory]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint http://127.0.0.1:{0}/graphql -Token $token -Name ")]
    [InlineData("Get-ExportTable -ConnectionString 'Host=127.0.0.1;Port={0};Username=x' -DatabaseId ")]
    [InlineData("Export-PgpmProject ./w -GraphQLEndpoint http://127.0.0.1:{0}/graphql -DatabaseId $databaseId -ExcludeCategory ")]
    public void An_unreachable_source_completes_nothing_at_once(string line)
    {
        using var shell = new PowerShellRun(module);
        Complete(shell, "Get-ExportDatabase -Name ");
        var port = Pgpm.Export.Sandbox.LoopbackPort.Free();
        var watch = Stopwatch.StartNew();
        Assert.Empty(Complete(shell, string.Format(line, port)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"completion took {watch.Elapsed}");
    }

    /// <summary>
    /// A listener that accepts connections and never answers: only giving up ends the completion, so its return is
    /// the evidence that a time limit is used (3 s in all for a source that took the connection).
    /// </summary>
    [Theory]
    [InlineData("Get-ExportDatabase -GraphQLEndpoint http://127.0.0.1:{0}/graphql -Token $token -Name ")]
    [InlineData("Get-ExportSchema -ConnectionString 'Host=127.0.0.1;Port={0};Username=x;Timeout=60' -DatabaseId ")]
    [InlineData("Export-PgpmProject ./w -GraphQLEndpoint http://127.0.0.1:{0}/graphql -DatabaseId $databaseId -Schema ")]
    public void A_source_that_never_answers_completes_nothing_and_gives_up(string line)
    {
        using var shell = new PowerShellRun(module);
        Complete(shell, "Get-ExportDatabase -Name ");
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                    held.Add(await silent.AcceptSocketAsync());
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var watch = Stopwatch.StartNew();
        Assert.Empty(Complete(shell, string.Format(line, port)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(6), $"completion took {watch.Elapsed}");
        silent.Stop();
        foreach (var socket in held.ToList())
            socket.Dispose();
    }

    /// <summary>
    /// Pressing Tab again for the same word on the same source asks the source nothing (not even whether its host is
    /// up): the answer is kept in the session for a short while. Another token is another source and is asked.
    /// </summary>
    [Theory]
    [InlineData("sql")]
    [InlineData("graphql")]
    public void A_second_completion_of_the_same_word_asks_the_source_nothing(string kind)
    {
        using var shell = new PowerShellRun(module);
        var graphQL = kind == "graphql";
        using var counter = new ConnectionCounter(
            graphQL ? module.Servers.GraphQL.Endpoint.Port : new Npgsql.NpgsqlConnectionStringBuilder(module.Servers.ConnectionString).Port
        );
        var sqlTarget = new Npgsql.NpgsqlConnectionStringBuilder(module.Servers.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = counter.Port,
        };
        var line = graphQL
            ? $"Export-PgpmProject ./w -GraphQLEndpoint '{new UriBuilder(module.Servers.GraphQL.Endpoint) { Port = counter.Port }.Uri}' "
                + "-Token $token -DatabaseId $databaseId -Schema "
            : $"Export-PgpmProject ./w -ConnectionString '{sqlTarget}' -DatabaseId $databaseId -Schema ";

        var first = Complete(shell, line);
        Assert.NotEmpty(first);
        var asked = counter.Connections;
        Assert.True(asked > 0, "the first completion asked nothing through the counter");

        Assert.Equal(first, Complete(shell, line));
        Assert.Equal(asked, counter.Connections);

        if (!graphQL)
            return;
        Complete(shell, line.Replace("-Token $token", "-Token (ConvertTo-SecureString 'another-token' -AsPlainText -Force)"));
        Assert.True(counter.Connections > asked, "another token was answered from the first token's cache");
    }

    /// <summary>
    /// -ExcludeCategory asks PostgreSQL for the distinct categories only: with 4 MB of sql_actions scripts in the database,
    /// what the server sends stays small (it sent every row, scripts and all, before).
    /// </summary>
    [Fact]
    public async Task ExcludeCategory_completion_reads_the_categories_not_the_rows()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(module, "cat", id => $"""
                INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category)
                SELECT 'a' || g, '{id}', 'schemas/cat_public/a' || g, ARRAY[]::text[], repeat('SELECT 1; ', 100000),
                       'SELECT 1;', 'SELECT 1;',
                       CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END
                FROM generate_series(1, 4) g;
                """);
        var id = database.Id;
        using var shell = new PowerShellRun(module);
        using var counter = new ConnectionCounter(new Npgsql.NpgsqlConnectionStringBuilder(module.Servers.ConnectionString).Port);
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(module.Servers.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = counter.Port,
        };
        Assert.Equal(
            ["even", "odd"],
            Complete(shell, $"Export-PgpmProject ./w -ConnectionString '{connectionString}' -DatabaseId {id} -ExcludeCategory ")
        );
        Assert.True(counter.BytesFromServer < 256 * 1024, $"the server sent {counter.BytesFromServer} bytes for two category names");
    }
}
