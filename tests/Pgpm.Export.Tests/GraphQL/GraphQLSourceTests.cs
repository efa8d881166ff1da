using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>The GraphQL source against real PostGraphile servers: auth, paging, faults, capabilities.</summary>
[Collection(PostgresCollection.Name)]
public class GraphQLSourceTests(PostgresFixture postgres)
{
    private const string Token = "tok-Secret-7f3a9c";

    [Fact]
    public async Task The_token_is_sent_as_a_bearer_header_and_appears_in_no_output()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Constructive, token: Token);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            output.Path,
            ExportManifest.BuiltIn,
            log,
            token: Token,
            databaseId: SampleDatabase.SampleId
        );
        Assert.Equal(2, result.Packages.Count);
        var everything =
            string.Join("\n", log.Verbose.Concat(log.Warnings))
            + string.Join("\n", TempDirectory.Snapshot(output.Path).Values.Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain(Token, everything);
        Assert.Contains(log.Verbose, v => v.Contains("metaschema_public.schema is the connection schemas"));
        // The tests' extra table is not in the built-in manifest: over GraphQL its real name cannot be known, so it is named, not guessed.
        Assert.Contains(log.Warnings, w =>
            w.StartsWith("The API exposes exportValueFixtures, which holds per-database rows but matches no table of the manifest")
        );
    }

    [Fact]
    public async Task A_wrong_or_missing_token_is_an_authentication_error_without_the_token()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, token: Token);
        using var output = new TempDirectory();
        foreach (var token in new[] { "wrong-Secret-1234", null })
        {
            var error = await Assert.ThrowsAsync<ExportException>(() =>
                GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn, token: token)
            );
            Assert.Equal(ExportErrorKind.Authentication, error.Kind);
            Assert.Equal("GraphQLUnauthorized", error.ErrorId);
            Assert.Contains("401", error.Message);
            Assert.Contains(server.Endpoint.ToString(), error.Message);
            Assert.DoesNotContain("wrong-Secret-1234", error.ToString());
            Assert.DoesNotContain(Token, error.ToString());
            // A newcomer's trial: with no token at all, the message said "Check the token" as if one had been refused.
            if (token is null)
                Assert.Contains("No token was sent", error.Message);
            else
                Assert.DoesNotContain("No token was sent", error.Message);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Without_the_plugin_the_export_is_metadata_only_and_says_how_to_get_the_rest()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, plugin: false);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            output.Path,
            ExportManifest.BuiltIn,
            log,
            databaseId: SampleDatabase.SampleId
        );
        var only = Assert.Single(result.Packages);
        Assert.Equal(nameof(PackageKind.Service), only.Kind);
        var why = Assert.Single(result.Skipped);
        Assert.Contains("metadata-only", why);
        Assert.Contains("exportSqlActions", why);
        Assert.Contains("--migrate-endpoint", Pgpm.Export.Errors.OptionName.Render(why!, Pgpm.Export.Errors.Vocabulary.CommandLine));
        Assert.Contains(log.Warnings, w => w.Contains("metadata-only"));
    }

    [Fact]
    public async Task A_separate_migrate_endpoint_supplies_sql_actions()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var meta = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, plugin: false);
        await using var migrate = await GraphQLExport.StartAsync(
            postgres,
            database,
            GraphQLDialect.Constructive,
            plugin: false,
            schemas: ["db_migrate"]
        );
        using var viaMigrate = new TempDirectory();
        using var viaSql = new TempDirectory();
        var result = await GraphQLExport.RunAsync(
            meta.Endpoint,
            viaMigrate.Path,
            ExportManifest.BuiltIn,
            pageSize: 2,
            migrate: migrate.Endpoint,
            databaseId: SampleDatabase.SampleId
        );
        Assert.Equal(2, result.Packages.Count);
        await SqlExport.RunAsync(postgres, database, viaSql.Path, adjust: o => new()
            {
                OutputPath = o.OutputPath,
                DatabaseId = SampleDatabase.SampleId,
                Author = o.Author,
            });
        WorkspaceAssert.Identical(viaSql.Path, viaMigrate.Path, minimumFiles: 30);
    }

    [Fact]
    public async Task Page_size_steps_down_when_the_server_refuses_it_and_every_row_still_arrives()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Constructive, maxPageSize: 3);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            output.Path,
            ExportManifest.BuiltIn,
            log,
            pageSize: 1000,
            databaseId: SampleDatabase.SampleId
        );
        Assert.Contains(log.Verbose, v => v.Contains("refused pages of 1000 rows; asking for at most 500"));
        Assert.Contains(log.Verbose, v => v.Contains("refused pages of 7 rows; asking for at most 3"));
        Assert.Single(log.Verbose, v => v.Contains("refused pages of 7 rows"));
        Assert.Equal(25, result.Packages.Single(p => p.Is(PackageKind.Service)).Rows);
        Assert.Equal(
            8,
            Regex.Count(File.ReadAllText(output.Combine("packages", "pets-service", "deploy", "migrate", "field.sql")), @"\('5e7a0003-")
        );
    }

    [Theory]
    [InlineData(GraphQLDialect.Default, 4)]
    [InlineData(GraphQLDialect.Constructive, 1000)]
    public async Task Sql_actions_arrive_page_by_page_in_id_order_however_many_digits_the_ids_have(GraphQLDialect dialect, int pageSize)
    {
        // Ids 1 to 30: ordered as text, "10" would come before "2" (the plugin once did exactly that).
        var database = await postgres.NewSampleDatabaseAsync("gql_actions");
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify)
            SELECT 'extra ' || g, '{SampleDatabase.SampleId}', 'extra/change_' || g, ARRAY[]::text[],
                   repeat('SELECT ' || g || ';' || chr(10), 40), NULL, NULL
            FROM generate_series(1, 30) g ORDER BY g
            """
        );
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect);
        using var viaGraphQL = new TempDirectory();
        using var viaSql = new TempDirectory();
        await GraphQLExport.RunAsync(
            server.Endpoint,
            viaGraphQL.Path,
            ExportManifest.BuiltIn,
            pageSize: pageSize,
            databaseId: SampleDatabase.SampleId
        );
        await SqlExport.RunAsync(postgres, database, viaSql.Path, adjust: o => new()
            {
                OutputPath = o.OutputPath,
                DatabaseId = SampleDatabase.SampleId,
                Author = o.Author,
            });

        WorkspaceAssert.Identical(viaSql.Path, viaGraphQL.Path, minimumFiles: 100);
        var extras = File.ReadAllLines(viaGraphQL.Combine("packages", "pets", "pgpm.plan"))
            .Where(l => l.StartsWith("extra/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => "extra/change_" + i), extras.Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public async Task Pages_shrink_to_fit_wide_rows()
    {
        var sizer = new PageSizer(new PageSizeCeiling(1000, new RecordingLog()));
        Assert.Equal(1000, sizer.Next);
        sizer.Observed(rows: 1000, bytes: 400_000);
        Assert.Equal(1000, sizer.Next);
        sizer.Observed(rows: 1000, bytes: 20L * 1024 * 1024);
        Assert.Equal((int)(PageSizer.TargetBytes / (20L * 1024 * 1024 / 1000)), sizer.Next);
        sizer.Observed(rows: 1, bytes: 64L * 1024 * 1024);
        Assert.Equal(1, sizer.Next);
        sizer.Observed(rows: 0, bytes: 50);
        Assert.Equal(1, sizer.Next);
    }

    [Fact]
    public async Task Transient_429_and_503_answers_are_retried_after_Retry_After()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, faults: [503, 429, 502, 504]);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            output.Path,
            ExportManifest.BuiltIn,
            log,
            databaseId: SampleDatabase.SampleId
        );
        Assert.Equal(2, result.Packages.Count);
        Assert.Contains(log.Verbose, v => v.Contains("HTTP 503") && v.Contains("attempt 2 of 5"));
        // A 429 is the server's pace, not a failure: it is waited out and does not use up an attempt.
        Assert.Contains(log.Verbose, v => v.Contains("HTTP 429") && v.Contains("rate limited"));
        Assert.Contains(log.Verbose, v => v.Contains("HTTP 502") && v.Contains("attempt 3 of 5"));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_an_error_naming_the_endpoint()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            GraphQLDialect.Default,
            faults: [503, 503, 503, 503, 503]
        );
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn)
        );
        Assert.Equal("GraphQLUnavailable", error.ErrorId);
        Assert.Contains("503", error.Message);
        Assert.Contains("introspecting", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Unknown_database_over_graphql_lists_what_the_token_sees()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Constructive);
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn, databaseId: Guid.Empty)
        );
        Assert.Equal("DatabaseNotFound", error.ErrorId);
        Assert.Contains($"pets ({SampleDatabase.SampleId})", error.Message);
    }

    [Fact]
    public async Task Tables_the_api_does_not_expose_are_skipped_and_said_at_verbose_level()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, schemas: ["metaschema_public"]);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            output.Path,
            ExportManifest.BuiltIn,
            log,
            databaseId: SampleDatabase.SampleId
        );
        Assert.Contains(log.Verbose, v => v == "The API exposes no connection for services_public.apis; it is skipped.");
        var plan = File.ReadAllText(output.Combine("packages", "pets-service", "pgpm.plan"));
        Assert.Contains("migrate/field", plan);
        Assert.DoesNotContain("migrate/apis", plan);
        Assert.Equal(2, result.Packages.Count);
    }

    [Fact]
    public async Task An_endpoint_that_sends_HTML_gets_a_hint()
    {
        await using var html = await HtmlServer.StartAsync();
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(html.Endpoint, output.Path, ExportManifest.BuiltIn)
        );
        Assert.Equal("GraphQLNotJson", error.ErrorId);
        Assert.Contains("HTML", error.Message);
        Assert.Contains("X-Meta-Schema", error.Message);
    }

    [Fact]
    public async Task A_server_that_exposes_no_meta_table_says_so()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql");
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            GraphQLDialect.Default,
            plugin: false,
            schemas: ["db_migrate"]
        );
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn)
        );
        Assert.Equal("GraphQLNothingVisible", error.ErrorId);
    }

    [Fact]
    public async Task Documented_lossy_cases_differ_from_sql_exactly_as_the_docs_say()
    {
        var database = await postgres.NewParityDatabaseAsync("lossy");
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            UPDATE metaschema_public.schema SET smart_tags = '{"{"}"n": 2.50, "big": 12345678901234567890{"}"}'
             WHERE id = 'a2000000-0000-4000-8000-000000000003';
            UPDATE metaschema_public.table SET smart_tags = 'null' WHERE id = 'a3000000-0000-4000-8000-000000000003';
            """
        );
        var manifest = await GraphQLExport.DerivedManifestAsync(postgres, database);
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default);
        using var output = new TempDirectory();
        await GraphQLExport.RunAsync(server.Endpoint, output.Path, manifest);
        var schema = File.ReadAllText(output.Combine("packages", "acme-crm-service", "deploy", "migrate", "schema.sql"));
        Assert.Contains("'{\"n\":2.5,\"big\":12345678901234567000}'", schema); // re-printed by the server
        var table = File.ReadAllText(output.Combine("packages", "acme-crm-service", "deploy", "migrate", "table.sql"));
        Assert.Contains("line3', NULL, 'module'", table); // JSON null in a nullable jsonb column arrives as null: written NULL
        Assert.Contains(
            "'a3000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', "
                + "'a2000000-0000-4000-8000-000000000001', 'order', NULL, NULL, '0', 'core'",
            table
        );
    }

    /// <summary>A loopback HTTP server that answers every request with an HTML error page, like a proxy in front of the wrong
    /// URL.</summary>
    private sealed class HtmlServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _loop;
        private readonly CancellationTokenSource _stop = new();

        private HtmlServer(TcpListener listener)
        {
            _listener = listener;
            _loop = Task.Run(ServeAsync);
        }

        public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/graphql");

        public static Task<HtmlServer> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new HtmlServer(listener));
        }

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var buffer = new byte[65536];
                    _ = await stream.ReadAsync(buffer, _stop.Token); // the request itself does not matter
                    var body = "<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>";
                    var response =
                        $"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                        + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                }
            }
            catch (OperationCanceledException) { }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
        }
    }
}
