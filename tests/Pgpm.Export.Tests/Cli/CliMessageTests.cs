using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>What a newcomer's first tries of pgpm-export met: messages that name the option, conflicts refused, nothing ignored
/// silently.</summary>
[Collection(PostgresCollection.Name)]
public class CliMessageTests(PostgresFixture postgres)
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(args);

    [Fact]
    public async Task A_database_id_that_is_no_UUID_names_the_option_and_what_it_takes()
    {
        var (exit, stdout, stderr) = await RunAsync("--database-id", "not-a-uuid", "--out", "x");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--database-id takes the database's id, a UUID", stderr);
        Assert.Contains("'not-a-uuid'", stderr);
        Assert.DoesNotContain("System.", stderr);
    }

    [Theory]
    [InlineData("-d")]
    [InlineData("--database")]
    public async Task A_database_given_by_name_and_by_id_is_refused_naming_both(string nameFlag)
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_both");
        using var output = new TempDirectory();
        // Name and id agree: still two answers to one question, refused before the source is opened.
        var (exit, _, stderr) = await RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            nameFlag,
            "acme-crm",
            "--database-id",
            SqlExport.Acme.ToString(),
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(2, exit);
        Assert.Contains("--database ('acme-crm')", stderr);
        Assert.Contains("--database-id", stderr);
        Assert.Contains("not both", stderr);
        Assert.False(Directory.Exists(output.Combine("ws")));
    }

    [Theory]
    [InlineData("databases", "--out", "x")]
    [InlineData("--connection-string", "Host=x", "--graphql-endpoint", "http://127.0.0.1:1/graphql", "databases")]
    public async Task Options_that_cannot_go_together_are_refused_naming_them(params string[] args)
    {
        var (exit, _, stderr) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(args.Contains("--out") ? "--out" : "--connection-string or --graphql-endpoint", stderr);
    }

    [Fact]
    public async Task Counts_of_one_are_singular_and_the_schema_version_reason_reads_plainly()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_words");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--out",
            output.Path,
            "--verbose"
        );
        Assert.Equal(0, exit);
        Assert.Contains("verbose: metaschema_public.database: 1 row written as", stderr);
        Assert.DoesNotMatch(@"\b1 (rows|changes|columns|tables)\b", stdout + stderr);
        var reason = stderr.Split('\n').Single(l => l.Contains("Schema version") && l.Contains("chosen"));
        Assert.Matches(
            @"chosen: the catalog has (all \d+|\d+ of the \d+) columns it defines(, and \d+ columns? it does not define)?",
            reason
        );
        Assert.DoesNotContain("it lacks", reason);
    }

    [Fact]
    public async Task A_migrate_endpoint_that_is_not_used_is_a_warning_not_silence()
    {
        const string token = "cli-migrate-7f1c";
        var database = await postgres.NewSampleDatabaseAsync("cli_migrate");
        await using var server = await GraphQLExport.StartAsync(postgres, database, Sandbox.GraphQLDialect.Constructive, token: token);
        using var output = new TempDirectory();
        var unreachable = $"http://127.0.0.1:{Sandbox.LoopbackPort.Free()}/graphql";
        var (exit, stdout, stderr) = await RunAsync(
            "--graphql-endpoint",
            server.Endpoint.ToString(),
            "--token",
            token,
            "--header",
            "X-Meta-Schema: true",
            "--migrate-endpoint",
            unreachable,
            "-d",
            "pets",
            "--out",
            output.Path
        );
        Assert.Equal(0, exit);
        Assert.Contains("wrote database package pets", stdout);
        Assert.Contains($"warning: --migrate-endpoint {unreachable} is not used: {server.Endpoint} offers sql_actions itself", stderr);
    }
}
