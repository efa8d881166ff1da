using Pgpm.Export.Cli;
using Pgpm.Export.Errors;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sandbox.Cli;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>Command-line findings from a newcomer's trial: each a test that failed before its fix.</summary>
[Collection(PostgresCollection.Name)]
public class CliFindingsTests(PostgresFixture postgres)
{
    /// <summary>A misspelt category to exclude was accepted silently, exporting the rows meant to be left out.</summary>
    [Fact]
    public async Task An_unknown_category_to_exclude_stops_naming_it_and_the_categories_the_database_has()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_category");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--exclude-categories",
            "seed,sed",
            "--out",
            output.Combine("ws")
        );

        Assert.True(exit == 2, stderr);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal(
            "pgpm-export: No sql_actions row of the database acme-crm has the category 'sed' given to --exclude-categories "
                + "(its categories are 'app', 'core', 'seed'; categories are compared exactly, case included). "
                + "Nothing was read or written: correct or drop it.",
            line
        );
        Assert.False(Directory.Exists(output.Combine("ws")));

        // Every given category known: the export runs.
        (exit, stdout, _) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--exclude-categories",
            "seed",
            "--exclude-categories",
            "app",
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(0, exit);
        Assert.Contains("wrote database package acme-crm", stdout);
    }

    /// <summary>docs/cli.md gives exit 2 for an unknown database or schema name; an unknown database exited 1, an unknown schema
    /// 2.</summary>
    [Theory]
    [InlineData("-d", "nope")]
    [InlineData("--database-id", "00000000-0000-4000-8000-000000000000")]
    public async Task An_unknown_database_is_a_usage_error_exiting_2_as_an_unknown_schema_is(string flag, string value)
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_nodb");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            flag,
            value,
            "--out",
            output.Combine("ws")
        );

        Assert.True(exit == 2, stderr);
        Assert.Equal("", stdout);
        Assert.Contains(value, Assert.Single(stderr.TrimEnd().Split('\n')));
        Assert.False(Directory.Exists(output.Combine("ws")));
        (exit, _, _) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--schemas",
            "nosuch",
            "--out",
            output.Combine("ws")
        );
        Assert.Equal(2, exit);
    }

    /// <summary>The cmdlet's -ExcludeCategory goes through the same engine check; over GraphQL the categories come from the rows.</summary>
    [Fact]
    public async Task An_unknown_category_over_GraphQL_is_refused_in_the_cmdlets_words_too()
    {
        var database = await postgres.NewParityDatabaseAsync("gql_category");
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database);
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, plugin: true);
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Combine("ws"), manifest, excludeCategories: ["Seed", "app", "nope"])
        );

        Assert.Equal("CategoryUnknown", error.ErrorId);
        Assert.Equal(ExportErrorKind.InvalidArgument, error.Kind);
        var message = OptionName.Render(error.Message, Vocabulary.PowerShell);
        Assert.Contains("the categories 'Seed', 'nope' given to -ExcludeCategory (its categories are 'app', 'core', 'seed';", message);
        Assert.False(Directory.Exists(output.Combine("ws")));
    }

    /// <summary>The sandbox could not serve a no-introspection endpoint: the option existed only for the tests' own servers.</summary>
    /// <summary>
    /// A newcomer's trial: a second export into the same workspace replaced the packages' plans and scripts and said only
    /// "wrote", as the first time. The command line replaces (docs/cli.md), and now says so on the package's line.
    /// </summary>
    [Fact]
    public async Task A_second_export_says_it_replaced_the_packages()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_replace");
        using var output = new TempDirectory();
        string[] export = ["-c", postgres.Server.ConnectionString(database), "-d", "acme-crm", "--out", output.Combine("ws")];
        var (exit, first, _) = await CliRun.RunAsync(export);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("replaced", first);
        (exit, var second, _) = await CliRun.RunAsync(export);
        Assert.Equal(0, exit);
        var lines = second.Split('\n').Where(l => l.StartsWith("wrote ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Contains("(replaced the plan and scripts there; other files kept)", line));
    }

    /// <summary>A newcomer's trial: --help showed "--progress <Always|Auto|Never>" while the docs and errors say auto, always,
    /// never.</summary>
    [Fact]
    public async Task Help_names_the_progress_values_as_they_are_typed()
    {
        var (exit, help, _) = await CliRun.RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("--progress <auto|always|never>", help);
    }

    [Fact]
    public async Task The_sandbox_command_can_serve_an_endpoint_that_refuses_introspection()
    {
        var (exit, help, _) = await CliRun.RunSandboxHostAsync("sandbox", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--no-introspection", help);

        using var folder = new TempDirectory();
        var info = folder.Combine("sandbox.json");
        var stdin = new System.IO.Pipelines.Pipe();
        var output = new StringWriter();
        var running = SandboxCommand.RunAsync(
            info,
            introspectionDisabled: true,
            TextWriter.Synchronized(output),
            new StreamReader(stdin.Reader.AsStream()),
            CancellationToken.None
        );
        try
        {
            using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
                while (!output.ToString().Contains("READY ") && !running.IsCompleted)
                    await Task.Delay(100, deadline.Token);
            Assert.False(running.IsCompleted, output.ToString());
            var sandbox = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(info)).RootElement;
            Assert.Equal("disabled", sandbox.GetProperty("introspection").GetString());
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.GetProperty("graphqlEndpoint").GetString())
            {
                Content = new StringContent(
                    """{"query":"{ __schema { queryType { name } } }"}""",
                    System.Text.Encoding.UTF8,
                    "application/json"
                ),
            };
            request.Headers.Authorization = new("Bearer", sandbox.GetProperty("token").GetString());
            var answer = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains("INTROSPECTION_DISABLED", answer);
            Assert.DoesNotContain("\"queryType\":{", answer);
        }
        finally
        {
            await stdin.Writer.CompleteAsync();
        }
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>The --schema-version mismatch was three sentences with the reason in the middle; now one sentence that says what to
    /// do.</summary>
    [Fact]
    public async Task A_forced_schema_version_the_source_does_not_match_is_one_plain_sentence()
    {
        var database = await postgres.NewSampleDatabaseAsync("cli_forced");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "--database-id",
            SampleDatabase.SampleId.ToString(),
            "--schema-version",
            "0.15.5",
            "--out",
            output.Combine("ws")
        );

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "pgpm-export: --schema-version 0.15.5 was given, but the source matches schema version 0.16 better: "
                + "1 column of 0.15.5 is missing from it "
                + "(metaschema_public.policy.template); leave out --schema-version, or give 0.16, to export it.\n",
            stderr.Replace("\r\n", "\n")
        );
        Assert.False(Directory.Exists(output.Combine("ws")));
    }

    /// <summary>--author 'no email' wrote the address "no email@5b0c196eeb62"; an address given with a space was taken as it was.</summary>
    [Fact]
    public async Task An_author_without_an_email_gets_an_address_without_spaces_that_pgpm_reads_back()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_author");
        using var output = new TempDirectory();
        var (exit, _, stderr) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--author",
            "no email",
            "--out",
            output.Path
        );
        Assert.True(exit == 0, stderr);
        foreach (var package in new[] { "acme-crm", "acme-crm-service" })
        {
            var plan = await PgpmPlan.ReadAsync(output.Combine("packages", package));
            Assert.All(plan.Changes, c => Assert.Equal(("no email", "no.email@5b0c196eeb62"), (c.Planner, c.Email)));
            Assert.Contains(
                "\"author\": \"no email <no.email@5b0c196eeb62>\"",
                await File.ReadAllTextAsync(output.Combine("packages", package, "package.json"))
            );
        }

        (exit, _, stderr) = await CliRun.RunAsync(
            "-c",
            postgres.Server.ConnectionString(database),
            "-d",
            "acme-crm",
            "--author",
            "Jane <jane doe@example.com>",
            "--out",
            output.Combine("other")
        );
        Assert.Equal(2, exit);
        Assert.Equal(
            "pgpm-export: The author's email 'jane doe@example.com' is not an address (it has a space); "
                + "give 'Name <email>' with an address such as 'Jane Doe <jane@example.com>'.",
            stderr.TrimEnd()
        );
        Assert.False(Directory.Exists(output.Combine("other")));
    }

    /// <summary>./pgpm-export demo wrote "Pgpm Export Demo &lt;demo@pgpm.example&gt;" where an export with the defaults writes
    /// constructive's author.</summary>
    [Fact]
    public void The_demo_exports_with_the_default_author()
    {
        var demo = DemoCommand.Options("demo-export");
        Assert.Equal(Pgpm.Export.Writing.PlanAuthor.Default, Pgpm.Export.Writing.PlanAuthor.Parse(demo.Author));
        Assert.Equal(SampleDatabase.SampleId, demo.DatabaseId);
    }
}
