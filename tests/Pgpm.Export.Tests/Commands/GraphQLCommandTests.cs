using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Commands;

/// <summary>The commands over a real PostGraphile server: the token never reaches a stream, and failures carry the right ids and
/// kinds.</summary>
[Collection(PostgresCollection.Name)]
public class GraphQLCommandTests(PostgresFixture postgres)
{
    private const string Token = "tok-Cmdlet-Secret-5d21";

    private static Task<PgpmExportSource> OpenAsync(Uri endpoint, string? token, Uri? migrate = null) =>
        SourceOpener.OpenAsync(
            new SourceRequest
            {
                GraphQLEndpoint = endpoint.ToString(),
                Token = token,
                MigrateEndpoint = migrate?.ToString(),
            },
            NullExportLog.Instance,
            CancellationToken.None
        );

    [Fact]
    public async Task Every_command_runs_over_GraphQL_and_the_token_appears_in_no_stream_object_or_file()
    {
        var database = await postgres.NewSampleDatabaseAsync("cmd_gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Constructive, token: Token);
        using var source = await OpenAsync(server.Endpoint, Token);
        using var output = new TempDirectory();
        var host = new RecordingHost();
        var id = SampleDatabase.SampleId;

        CommandRun.Run(host, (o, ct) => DatabaseQuery.RunAsync(source, ["p*"], o, ct));
        CommandRun.Run(host, (o, ct) => SchemaQuery.RunAsync(source, id, o, ct));
        CommandRun.Run(host, (o, ct) => TableListQuery.RunAsync(source, null, o, ct));
        CommandRun.Run(host, (o, ct) => TableRowQuery.RunAsync(source, id, null, o, ct));
        CommandRun.Run(host, (o, ct) => SqlActionQuery.RunAsync(source, id, null, o, ct));
        var rows = host.Objects.OfType<RowRecord>().ToList<object>();
        CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(
                source,
                new ProjectExportRequest
                {
                    Options = new Pgpm.Export.Exporting.ExportOptions { DatabaseId = id, OutputPath = output.Path },
                    PipedRows = CommandRun.AsPipelineInput(rows),
                },
                o,
                ct
            ));
        var failure = Assert.Throws<ExportException>(() =>
            CommandRun.Run(host, (o, ct) => SchemaQuery.RunAsync(source, Guid.Empty, o, ct))
        );

        Assert.Equal(2, host.Objects.OfType<PackageSummary>().Count());
        Assert.Contains(host.Objects, o => o is RowRecord r && r.Table.Name == "sql_actions");
        Assert.NotEmpty(host.Verbose);
        var everything =
            string.Join("\n", host.Transcript)
            + failure
            + source
            + ObjectText.Of(source)
            + string.Join("\n", TempDirectory.Snapshot(output.Path).Values.Select(System.Text.Encoding.UTF8.GetString));
        Assert.DoesNotContain(Token, everything);
        Assert.DoesNotContain("Cmdlet-Secret", everything);
        Assert.Single(host.Threads);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_and_a_closed_port_a_connection_error_neither_showing_the_token()
    {
        var database = await postgres.NewSampleDatabaseAsync("cmd_gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, token: Token);

        var wrong = await Assert.ThrowsAsync<ExportException>(() => OpenAsync(server.Endpoint, "wrong-" + Token));
        Assert.Equal((ExportErrorKind.Authentication, "GraphQLUnauthorized"), (wrong.Kind, wrong.ErrorId));
        Assert.DoesNotContain(Token, wrong.ToString());

        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/graphql");
        var unreachable = await Assert.ThrowsAsync<ExportException>(() =>
            SourceOpener.OpenAsync(
                new SourceRequest { GraphQLEndpoint = closed.ToString(), Token = Token },
                NullExportLog.Instance,
                CancellationToken.None
            )
        );
        Assert.Equal(ExportErrorKind.Connection, unreachable.Kind);
        Assert.DoesNotContain(Token, unreachable.ToString());

        var bad = await Assert.ThrowsAsync<ExportException>(() =>
            SourceOpener.OpenAsync(
                new SourceRequest
                {
                    GraphQLEndpoint = server.Endpoint.ToString(),
                    Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token },
                },
                NullExportLog.Instance,
                CancellationToken.None
            )
        );
        Assert.Equal(("HeaderInvalid", ExportErrorKind.InvalidArgument), (bad.ErrorId, bad.Kind));
        Assert.DoesNotContain(Token, bad.ToString());
    }

    [Fact]
    public async Task Without_the_plugin_sql_actions_are_unavailable_and_the_export_says_it_is_metadata_only()
    {
        var database = await postgres.NewSampleDatabaseAsync("cmd_gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, plugin: false);
        using var source = await OpenAsync(server.Endpoint, null);
        using var output = new TempDirectory();

        var error = Assert.Throws<ExportException>(() =>
            CommandRun.Run(new RecordingHost(), (o, ct) => SqlActionQuery.RunAsync(source, SampleDatabase.SampleId, null, o, ct))
        );
        Assert.Equal((ExportErrorKind.Unavailable, "SqlActionsUnavailable"), (error.Kind, error.ErrorId));
        Assert.False(new CommandError(error.ErrorId, error.Kind, error.Message).IsPerItem);

        var host = new RecordingHost();
        CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(
                source,
                new ProjectExportRequest
                {
                    Options = new Pgpm.Export.Exporting.ExportOptions { DatabaseId = SampleDatabase.SampleId, OutputPath = output.Path },
                },
                o,
                ct
            ));
        Assert.Equal(nameof(PackageKind.Service), Assert.Single(host.Objects.Cast<PackageSummary>()).Kind);
        Assert.Contains(host.Warnings, w => w.StartsWith("No database package was written"));
    }
}
