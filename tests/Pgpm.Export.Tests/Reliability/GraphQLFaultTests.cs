using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>
/// Network faults injected between the exporter and a real PostGraphile server. Each scenario must end one of two
/// ways: the export completes with the bytes of a clean run, or it fails with an error naming the endpoint, the
/// table and the page, leaving nothing in the workspace. The token never shows in anything the export produced.
/// </summary>
[Collection(PostgresCollection.Name)]
public class GraphQLFaultTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string Token = "tok-FAULTS-c0ffee-91d2";
    private const string FaultedConnection = "allFields";
    private const string FaultedTable = "metaschema_public.field";

    /// <param name="Error">The error id the export must fail with; null when it must complete byte-identically.</param>
    private sealed record Scenario(string Name, FaultKind Fault, int Times, string? Error, int MaxAttempts = 3);

    private static readonly Scenario[] Scenarios =
    [
        new("connection reset mid-body, once", FaultKind.ResetMidBody, 1, null),
        new("connection reset mid-body, every attempt", FaultKind.ResetMidBody, 99, "GraphQLUnreachable"),
        new("stalled past the timeout, once", FaultKind.Stall, 1, null),
        new("stalled past the timeout, every attempt", FaultKind.Stall, 99, "GraphQLUnreachable"),
        new("HTTP 502, once", FaultKind.Http502, 1, null),
        new("HTTP 503, once", FaultKind.Http503, 1, null),
        new("HTTP 504, once", FaultKind.Http504, 1, null),
        new("HTTP 503, every attempt", FaultKind.Http503, 99, "GraphQLUnavailable"),
        new("HTTP 429 with Retry-After: 1, twice", FaultKind.TooManyRequests, 2, null),
        new("HTML 502 page from a proxy, once", FaultKind.HtmlBadGateway, 1, null),
        new("HTML page with HTTP 200", FaultKind.HtmlOk, 1, "GraphQLNotJson"),
        new("truncated JSON with HTTP 200", FaultKind.TruncatedJson, 1, "GraphQLNotJson"),
        new("invalid UTF-8 in the body", FaultKind.BadUtf8, 1, "GraphQLNotUtf8"),
        new("the same cursor again with hasNextPage", FaultKind.SameCursor, 1, "GraphQLCursorStuck"),
        new("server restarted mid-export", FaultKind.ServerRestart, 1, null, MaxAttempts: 9),
        new("a 5 MB page, over the 4 MB limit, with Content-Length", FaultKind.OversizedDeclared, 1, "GraphQLAnswerTooLarge"),
        new("a 5 MB page, over the 4 MB limit, chunked", FaultKind.OversizedChunked, 1, "GraphQLAnswerTooLarge"),
    ];

    [Fact]
    public async Task Every_network_fault_either_completes_byte_identically_or_fails_naming_endpoint_table_and_page()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql_faults");
        LocalGraphQLServer server = await Start(database);
        try
        {
            using var reference = new TempDirectory();
            await Export(server.Endpoint, reference.Path, new RecordingLog(), maxAttempts: 1);

            var table = new List<string> { "| scenario | fault fired | expected | outcome | detail |", "| --- | --- | --- | --- | --- |" };
            var failures = new List<string>();
            foreach (var scenario in Scenarios)
            {
                await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
                proxy.StopServer = async () => await server.DisposeAsync();
                proxy.StartServer = async () => (server = await Start(database)).Endpoint;
                proxy.Inject(r => r.IsLaterPageOf(FaultedConnection), scenario.Fault, scenario.Times);

                var (outcome, detail, problems) = await RunScenario(scenario, proxy, reference.Path);
                table.Add($"| {scenario.Name} | {proxy.Fired}x | {scenario.Error ?? "byte-identical output"} | {outcome} | {detail} |");
                failures.AddRange(problems.Select(p => $"{scenario.Name}: {p}"));
                await proxy.RestartedAsync();
            }

            output.WriteLine(string.Join("\n", table));
            ScenarioReport.Write("graphql-faults", table);
            Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + string.Join("\n", table));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task<(string Outcome, string Detail, List<string> Problems)> RunScenario(
        Scenario scenario,
        FaultProxy proxy,
        string referencePath
    )
    {
        using var work = new TempDirectory();
        var log = new RecordingLog();
        var problems = new List<string>();
        ExportException? error = null;
        try
        {
            await Export(proxy.Endpoint, work.Combine("ws"), log, scenario.MaxAttempts);
        }
        catch (ExportException e)
        {
            error = e;
        }

        if (proxy.Fired == 0)
            problems.Add("the fault never fired, so the scenario proved nothing");
        var leaked = Secrets.Find(Token, log, error, work.Path);
        if (leaked is not null)
            problems.Add($"the token appeared in {leaked}");

        if (scenario.Error is null)
        {
            if (error is not null)
            {
                problems.Add($"expected completion, got {error.ErrorId}: {error.Message}");
                return ("failed", error.ErrorId, problems);
            }
            try
            {
                WorkspaceAssert.Identical(referencePath, work.Combine("ws"), minimumFiles: 10);
            }
            catch (Exception e)
            {
                problems.Add("output differs from the clean run: " + e.Message);
                return ("completed, bytes differ", "", problems);
            }
            var retries = log.Verbose.Count(v => v.Contains("retrying", StringComparison.Ordinal));
            return ("completed, byte-identical", $"{retries} retries", problems);
        }

        if (error is null)
        {
            problems.Add($"expected {scenario.Error}, but the export completed");
            return ("completed", "", problems);
        }
        if (error.ErrorId != scenario.Error)
            problems.Add($"expected {scenario.Error}, got {error.ErrorId}: {error.Message}");
        foreach (var part in new[] { proxy.Endpoint.ToString(), FaultedTable, "page 2" })
            if (!error.Message.Contains(part, StringComparison.Ordinal))
                problems.Add($"the error does not name '{part}': {error.Message}");
        var left = Directory.EnumerateFileSystemEntries(work.Path, "*", SearchOption.AllDirectories).ToList();
        if (left.Count > 0)
            problems.Add($"left behind: {string.Join(", ", left.Select(p => Path.GetRelativePath(work.Path, p)))}");
        return ("failed cleanly", error.ErrorId, problems);
    }

    private Task<LocalGraphQLServer> Start(string database) =>
        GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, plugin: true, token: Token);

    private static Task Export(Uri endpoint, string outputPath, RecordingLog log, int maxAttempts) =>
        GraphQLExport.RunAsync(
            endpoint,
            outputPath,
            ExportManifest.BuiltIn,
            log,
            token: Token,
            pageSize: 2,
            databaseId: SampleDatabase.SampleId,
            adjust: o =>
                o with
                {
                    MaxResponseBytes = 4 << 20,
                    MaxAttempts = maxAttempts,
                    RetryDelay = TimeSpan.FromMilliseconds(200),
                    RequestTimeout = TimeSpan.FromSeconds(2),
                }
        );
}
