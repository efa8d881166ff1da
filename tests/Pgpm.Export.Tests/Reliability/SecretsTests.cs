using Pgpm.Export.Commands;
using Pgpm.Export.Logging;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>
/// A recognisable token and password run through every path an export can take, through the command line and
/// through the commands the cmdlets run, and are then searched for in everything that came out.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SecretsTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string Token = "tok-NEVER-SHOWN-8d41f7";
    private const string Password = "pw-NEVER-SHOWN-2c90aa";

    [Fact]
    public async Task The_token_and_the_password_appear_in_no_stream_error_or_file_on_any_path()
    {
        var sample = await postgres.NewSampleDatabaseAsync("secrets");
        var sql = await postgres.NewReaderRoleAsync(sample, $"secret_{sample}", Password);
        await postgres.Server.ExecuteAsync(sample, $"REVOKE SELECT ON metaschema_public.policy FROM \"secret_{sample}\"");
        await using var server = await GraphQLExport.StartAsync(postgres, sample, GraphQLDialect.Default, token: Token);
        await using var failing = await FaultProxy.StartAsync(server.Endpoint);
        failing.Inject(_ => true, FaultKind.Http503, times: int.MaxValue);
        await using var truncating = await FaultProxy.StartAsync(server.Endpoint);
        truncating.Inject(r => r.IsLaterPageOf("allFields"), FaultKind.TruncatedJson, times: int.MaxValue);
        await using var https = await FaultProxy.StartAsync(server.Endpoint, SelfSignedCertificate.ForLoopback());
        var nowhere = $"http://127.0.0.1:{LoopbackPort.Free()}/graphql";
        var wrongPassword = postgres.Server.ConnectionString(sample, password: Password);

        string[] graphql(string endpoint) =>
            ["--graphql-endpoint", endpoint, "--token", Token, "--database", "pets", "--verbose", "--page-size", "2"];
        var cases = new (string Name, int Exit, string[] Args)[]
        {
            ("GraphQL export", 0, graphql(server.Endpoint.ToString())),
            ("GraphQL databases", 0, ["databases", "--graphql-endpoint", server.Endpoint.ToString(), "--token", Token]),
            ("GraphQL 503 on every request", 1, graphql(failing.Endpoint.ToString())),
            ("GraphQL truncated JSON", 1, graphql(truncating.Endpoint.ToString())),
            ("GraphQL untrusted certificate", 1, graphql(https.Endpoint.ToString())),
            ("GraphQL certificate check off", 0, [.. graphql(https.Endpoint.ToString()), "--skip-certificate-check"]),
            ("GraphQL endpoint not listening", 1, graphql(nowhere)),
            ("GraphQL wrong page size", 2, [.. graphql(server.Endpoint.ToString()), "--page-size", "zero"]),
            ("SQL permission denied on one table", 1, ["--connection-string", sql, "--database", "pets", "--verbose"]),
            ("SQL wrong password", 1, ["--connection-string", wrongPassword.Replace(Password, Password + "x"), "--database", "pets"]),
            ("SQL unknown database", 2, ["--connection-string", sql, "--database", "no-such-db"]),
        };

        var table = new List<string> { "| path | exit code or error | secret found |", "| --- | --- | --- |" };
        var failures = new List<string>();
        foreach (var (name, expectedExit, args) in cases)
        {
            using var work = new TempDirectory();
            string[] withOut = args[0] == "databases" ? args : [.. args, "--out", work.Combine("ws")];
            var (exit, stdout, stderr) = await CliRun.RunAsync(withOut);
            var found = Secrets.Find(Token, new RecordingLog(), null, work.Path, stdout, stderr)
                ?? Secrets.Find(Password, new RecordingLog(), null, work.Path, stdout, stderr);
            table.Add($"| CLI: {name} | {exit} | {found ?? "no"} |");
            if (exit != expectedExit)
                failures.Add($"CLI {name}: exit {exit}, expected {expectedExit}: {stderr}");
            if (found is not null)
                failures.Add($"CLI {name}: a secret appeared in {found}");
        }

        foreach (
            var (name, request) in new (string, SourceRequest)[]
            {
                (
                    "GraphQL export",
                    new SourceRequest
                    {
                        GraphQLEndpoint = server.Endpoint.ToString(),
                        Token = Token,
                        PageSize = 2,
                    }
                ),
                (
                    "GraphQL truncated JSON",
                    new SourceRequest
                    {
                        GraphQLEndpoint = truncating.Endpoint.ToString(),
                        Token = Token,
                        PageSize = 2,
                    }
                ),
                ("GraphQL untrusted certificate", new SourceRequest { GraphQLEndpoint = https.Endpoint.ToString(), Token = Token }),
                ("GraphQL endpoint not listening", new SourceRequest { GraphQLEndpoint = nowhere, Token = Token }),
                ("SQL permission denied on one table", new SourceRequest { ConnectionString = sql }),
            }
        )
        {
            using var work = new TempDirectory();
            var host = new RecordingHost();
            var log = new RecordingLog();
            Exception? error = null;
            try
            {
                using var source = await SourceOpener.OpenAsync(request, log, CancellationToken.None);
                CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(
                        source,
                        new ProjectExportRequest
                        {
                            Options = new Pgpm.Export.Exporting.ExportOptions
                            {
                                DatabaseId = SampleDatabase.SampleId,
                                OutputPath = work.Combine("ws"),
                                Author = "Test Author <test@example.com>",
                            },
                        },
                        o,
                        ct
                    ));
            }
            catch (Exception e)
            {
                error = e;
            }
            var text = string.Join("\n", host.Transcript.Append(request.ToString()));
            var found = Secrets.Find(Token, log, error, work.Path, text) ?? Secrets.Find(Password, log, error, work.Path, text);
            var outcome = (error as Errors.ExportException)?.ErrorId
                ?? host.Errors.FirstOrDefault()?.ErrorId
                ?? error?.GetType().Name
                ?? "ok";
            table.Add($"| adapter: {name} | {outcome} | {found ?? "no"} |");
            if (found is not null)
                failures.Add($"adapter {name}: a secret appeared in {found}");
        }

        output.WriteLine(string.Join("\n", table));
        ScenarioReport.Write("secrets", table);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
