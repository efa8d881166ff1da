using Pgpm.Export.Cli;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>The pgpm-export command line, run in-process against the real test server.</summary>
[Collection(PostgresCollection.Name)]
public class CliTests(PostgresFixture postgres)
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRun.RunAsync(args);

    [Fact]
    public async Task Export_by_database_name_writes_both_packages_and_says_so()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_ok");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await RunAsync(
            "--connection-string",
            postgres.Server.ConnectionString(database),
            "--database",
            "acme-crm",
            "--extensionName",
            "crm",
            "--meta-extension-name",
            "crm-svc",
            "--author",
            "Ops <ops@example.com>",
            "--exclude-categories",
            "seed",
            "--out",
            output.Path,
            "--verbose"
        );
        Assert.Equal(0, exit);
        Assert.Contains("wrote database package crm: 5 changes", stdout);
        Assert.Contains("wrote service package crm-svc: 11 changes, 24 rows", stdout);
        Assert.Contains("verbose: Schema acme_crm_1a2b_public is renamed to crm_public.", stderr);
        Assert.Contains("warning: metaschema_public.export_value_fixture is not in the manifest", stderr);
        Assert.DoesNotContain(postgres.Server.Password, stdout + stderr);
        Assert.Contains("Ops <ops@example.com>", await File.ReadAllTextAsync(output.Combine("packages", "crm", "pgpm.plan")));
    }

    [Fact]
    public async Task The_connection_string_can_come_from_the_environment()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_env");
        Environment.SetEnvironmentVariable("PGPM_EXPORT_CONNECTION_STRING", postgres.Server.ConnectionString(database));
        try
        {
            var (exit, stdout, _) = await RunAsync("databases");
            Assert.Equal(0, exit);
            Assert.Equal($"{SqlExport.Acme}\tacme-crm\n{SqlExport.Other}\tother-db\n", stdout.Replace("\r\n", "\n"));

            var (serverExit, names, _) = await RunAsync("databases", "--server");
            Assert.Equal(0, serverExit);
            var listed = names.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(database, listed);
            Assert.Contains(PostgresFixture.Template, listed);
            Assert.DoesNotContain("postgres", listed);
            Assert.DoesNotContain("template1", listed);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPM_EXPORT_CONNECTION_STRING", null);
        }
    }

    [Theory]
    [InlineData("--no-such-flag")]
    [InlineData("--database-id", "not-a-guid", "--out", "x")]
    public async Task A_wrong_command_line_exits_2_with_one_line(params string[] args)
    {
        var (exit, stdout, stderr) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("pgpm-export: ", stderr);
    }

    [Fact]
    public async Task Missing_out_and_missing_source_are_usage_errors()
    {
        var (exit, _, stderr) = await RunAsync("--connection-string", postgres.Server.ConnectionString("postgres"), "--database", "x");
        Assert.Equal(2, exit);
        Assert.Contains("--out", stderr);
        (exit, _, stderr) = await RunAsync("--database", "x", "--out", "/tmp/x");
        Assert.Equal(2, exit);
        Assert.Contains("--connection-string", stderr);
    }

    [Fact]
    public async Task A_failed_export_exits_1_with_one_line_and_no_secret()
    {
        const string secret = "cli-Secret-42";
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await RunAsync(
            "--connection-string",
            postgres.Server.ConnectionString("postgres", password: secret),
            "--database",
            "acme-crm",
            "--out",
            output.Path
        );
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("refused the login", stderr);
        Assert.DoesNotContain(secret, stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Export_over_graphql_takes_the_token_from_the_environment_and_never_prints_it()
    {
        const string token = "cli-Token-9d2e";
        var database = await postgres.NewSampleDatabaseAsync("cli_gql");
        await using var server = await GraphQLExport.StartAsync(postgres, database, Sandbox.GraphQLDialect.Constructive, token: token);
        using var output = new TempDirectory();
        Environment.SetEnvironmentVariable("PGPM_EXPORT_TOKEN", token);
        try
        {
            var (exit, stdout, stderr) = await RunAsync(
                "--graphql-endpoint",
                server.Endpoint.ToString(),
                "--database",
                "pets",
                "--header",
                "X-Meta-Schema: true",
                "--page-size",
                "3",
                "--out",
                output.Path,
                "--verbose"
            );
            Assert.Equal(0, exit);
            Assert.Contains("wrote database package pets: 5 changes", stdout);
            Assert.Contains("wrote service package pets-service: 13 changes, 25 rows", stdout);
            Assert.Contains("verbose: metaschema_public.field is the connection fields", stderr);
            Assert.DoesNotContain(token, stdout + stderr);

            Environment.SetEnvironmentVariable("PGPM_EXPORT_TOKEN", null);
            (exit, stdout, stderr) = await RunAsync("databases", "--graphql-endpoint", server.Endpoint.ToString(), "--token", token);
            Assert.Equal(0, exit);
            Assert.Equal($"{Sandbox.SampleDatabase.SampleId}\tpets\n", stdout.Replace("\r\n", "\n"));

            (exit, _, stderr) = await RunAsync("databases", "--graphql-endpoint", server.Endpoint.ToString(), "--token", "wrong-Token-1");
            Assert.Equal(1, exit);
            Assert.Contains("refused the request (HTTP 401)", stderr);
            // The command line's vocabulary (the cmdlets say -Token): one message source, rendered per front end.
            Assert.Contains("Check the token (--token or PGPM_EXPORT_TOKEN).", stderr);
            Assert.DoesNotContain("{option:", stderr);
            Assert.DoesNotContain("..", stderr);
            Assert.DoesNotContain("wrong-Token-1", stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PGPM_EXPORT_TOKEN", null);
        }
    }

    [Theory]
    [InlineData("--graphql-endpoint", "ftp://x/graphql", "--database", "x", "--out", "o")]
    [InlineData("--graphql-endpoint", "http://127.0.0.1:1/graphql", "--connection-string", "Host=x", "--database", "x", "--out", "o")]
    [InlineData("--graphql-endpoint", "http://127.0.0.1:1/graphql", "--header", "NoColon", "--database", "x", "--out", "o")]
    [InlineData("--graphql-endpoint", "http://127.0.0.1:1/graphql", "--header", "Authorization: Bearer x", "--database", "x", "--out", "o")]
    [InlineData("--graphql-endpoint", "http://127.0.0.1:1/graphql", "--max-response-mb", "0", "--database", "x", "--out", "o")]
    public async Task Wrong_graphql_options_are_usage_errors(params string[] args)
    {
        var (exit, _, stderr) = await RunAsync(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("pgpm-export: ", stderr);
    }

    [Fact]
    public async Task Manifest_command_prints_a_manifest_that_export_accepts()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_manifest");
        var (exit, manifest, _) = await RunAsync(
            "manifest",
            "--connection-string",
            postgres.Server.ConnectionString(database),
            "--schema-version",
            "0.16-custom"
        );
        Assert.Equal(0, exit);
        Assert.Contains("\"metaschema_public.export_value_fixture\"", manifest);
        Assert.Contains("\"version\": \"0.16-custom\"", manifest);
        Assert.Contains(
            "{ \"name\": \"category\", \"type\": \"metaschema_public.object_category\", \"kind\": \"enum\", \"notNull\": true, "
                + "\"enum\": \"metaschema_public.object_category\" }",
            manifest
        );
        using var output = new TempDirectory();
        var file = output.Combine("manifest.json");
        await File.WriteAllTextAsync(file, manifest);
        var (exportExit, _, stderr) = await RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--manifest",
            file,
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(0, exportExit);
        Assert.DoesNotContain("not in the manifest", stderr);
    }

    [Fact]
    public async Task Schema_version_picks_a_built_in_manifest_and_an_unknown_one_is_a_usage_error()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_version");
        using var output = new TempDirectory();
        var (exit, _, stderr) = await RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--schema-version",
            "0.9",
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(2, exit);
        Assert.Contains("no built-in manifest for schema version '0.9'", stderr);
        Assert.Contains("0.15.5, 0.16", stderr);

        var (ok, _, verbose) = await RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--schema-version",
            "0.16",
            "--verbose",
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(0, ok);
        Assert.Contains("Following schema version 0.16, as asked (--schema-version).", verbose);
    }
}
