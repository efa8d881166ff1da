using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The rules Constructive's own server (@constructive-io/graphql-server) applies, enforced by the real PostGraphile test
/// server the way that server does: X-Database-Id in private mode, a rate limit with a burst, and a cap on request bodies.
/// (The 1000-row page ceiling is in GraphQLSourceTests.)
/// </summary>
[Collection(PostgresCollection.Name)]
public class PlatformServerRulesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_private_mode_API_that_needs_X_Database_Id_says_which_header_to_add_and_works_with_it()
    {
        var database = await postgres.NewParityDatabaseAsync("platform_dbid");
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database);
        await using var server = await LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions { ExportSqlActionsPlugin = true, RequireDatabaseId = true }
        );
        using var output = new TempDirectory();
        var metaSchema = new Dictionary<string, string> { ["X-Meta-Schema"] = "true" };

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, manifest, adjust: o => o with { Headers = metaSchema })
        );

        Assert.Equal("GraphQLNoDatabaseId", error.ErrorId);
        Assert.Contains("HTTP 500 NO_DATABASE_ID", error.Message);
        Assert.Contains("--header 'X-Database-Id: <database id>'", error.Message);
        Assert.Contains("-Header @{ 'X-Database-Id' = '<database id>' }", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));

        var withId = new Dictionary<string, string>(metaSchema) { ["X-Database-Id"] = SqlExport.Acme.ToString() };
        using var sql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => o with { Manifest = manifest });
        var result = await GraphQLExport.RunAsync(server.Endpoint, output.Path, manifest, adjust: o => o with { Headers = withId });
        Assert.Equal(2, result.Packages.Count);
        WorkspaceAssert.Identical(sql.Path, output.Path, minimumFiles: 30);
    }

    [Fact]
    public async Task Tables_read_at_once_back_off_together_under_a_rate_limit_and_the_export_completes_byte_identically()
    {
        // Two requests a second with a burst of four, four tables read at once, and only three attempts for a failure:
        // retrying each 429 on its own, four readers keep taking each other's turns and one runs out of attempts.
        var database = await postgres.NewParityDatabaseAsync("platform_rate");
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database);
        await using var server = await LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions { ExportSqlActionsPlugin = true, RateLimit = (120, 4) }
        );
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => o with { Manifest = manifest });
        var log = new RecordingLog();
        var reported = new System.Collections.Concurrent.ConcurrentQueue<ExportProgress>();

        var result = await GraphQLExport.RunAsync(
            server.Endpoint,
            graphql.Path,
            manifest,
            log,
            pageSize: 1000,
            adjust: o => o with { MaxAttempts = 3 },
            progress: new SynchronousProgress<ExportProgress>(reported.Enqueue)
        );

        Assert.Equal(2, result.Packages.Count);
        WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
        Assert.Contains(log.Verbose, v =>
            v.Contains("HTTP 429 Too Many Requests") && v.Contains("rate limited") && v.Contains("at most 1 go at once")
        );
        // The waits reach the export's progress (the cmdlet's Write-Progress), not only verbose lines.
        var waits = reported.OfType<RateLimitWait>().ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, w =>
            Assert.True(
                w.Wait > TimeSpan.Zero
                    && w.Endpoint == server.Endpoint.ToString()
                    && (w.Doing.StartsWith("reading ", StringComparison.Ordinal) || w.Doing == "asking which meta tables have rows"),
                w.ToString()
            )
        );
        Assert.Equal(
            result.Packages.Sum(p => p.Is(Pgpm.Export.Writing.PackageKind.Service) ? p.Changes : 0) + 1,
            reported.OfType<TableProgress>().Count(t => t.Completed && t.Rows > 0)
        );
    }

    [Fact]
    public async Task Request_bodies_stay_small_and_a_server_that_refuses_one_as_too_large_is_named()
    {
        var database = await postgres.NewSampleDatabaseAsync("platform_body");
        // Every request of a whole export fits in 16 KB (the platform allows 1 MB): queries carry variables, never rows.
        await using (
            var roomy = await LocalGraphQLServer.StartAsync(
                postgres.Server,
                database,
                new GraphQLServerOptions { ExportSqlActionsPlugin = true, MaxRequestBytes = 16_000 }
            )
        )
        {
            using var output = new TempDirectory();
            var result = await GraphQLExport.RunAsync(
                roomy.Endpoint,
                output.Path,
                ExportManifest.BuiltIn,
                databaseId: SampleDatabase.SampleId
            );
            Assert.Equal(2, result.Packages.Count);
        }

        await using var strict = await LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions { ExportSqlActionsPlugin = true, MaxRequestBytes = 300 }
        );
        using var refused = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(strict.Endpoint, refused.Path, ExportManifest.BuiltIn, databaseId: SampleDatabase.SampleId)
        );
        Assert.Equal("GraphQLRequestTooLarge", error.ErrorId);
        Assert.Contains("the server allows 300", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(refused.Path));

        // Over the client's own limit, the request is not sent at all.
        var local = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(strict.Endpoint, refused.Path, ExportManifest.BuiltIn, databaseId: SampleDatabase.SampleId, adjust: o =>
                o with
                {
                    MaxRequestBytes = 200,
                }
            )
        );
        Assert.Equal("GraphQLRequestTooLarge", local.ErrorId);
        Assert.Contains("200 bytes allowed", local.Message);
    }
}
