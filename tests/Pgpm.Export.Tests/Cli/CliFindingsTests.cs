using Pgpm.Export.Errors;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>Issue 12, command-line findings from a newcomer's trial: each a test that failed before its fix.</summary>
[Collection(PostgresCollection.Name)]
public class CliFindingsTests(PostgresFixture postgres)
{
    /// <summary>A misspelt category to exclude was accepted silently, exporting the rows meant to be left out.</summary>
    [Fact]
    public async Task An_unknown_category_to_exclude_stops_naming_it_and_the_categories_the_database_has()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_category");
        using var output = new TempDirectory();
        var (exit, stdout, stderr) = await CliRun.RunAsync("-c", postgres.Server.ConnectionString(database), "-d", "acme-crm",
            "--exclude-categories", "seed,sed", "--out", output.Combine("ws"));

        Assert.True(exit == 2, stderr);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal("pgpm-export: No sql_actions row of the database acme-crm has the category 'sed' given to --exclude-categories " +
                     "(its categories are 'app', 'core', 'seed'; categories are compared exactly, case included). Nothing was exported: correct or drop it.", line);
        Assert.False(Directory.Exists(output.Combine("ws")));

        // Every given category known: the export runs.
        (exit, stdout, _) = await CliRun.RunAsync("-c", postgres.Server.ConnectionString(database), "-d", "acme-crm",
            "--exclude-categories", "seed", "--exclude-categories", "app", "--out", output.Combine("ws"));
        Assert.Equal(0, exit);
        Assert.Contains("wrote database package acme-crm", stdout);
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
            GraphQLExport.RunAsync(server.Endpoint, output.Combine("ws"), manifest, excludeCategories: ["Seed", "app", "nope"]));

        Assert.Equal("CategoryUnknown", error.ErrorId);
        Assert.Equal(ExportErrorKind.InvalidArgument, error.Kind);
        var message = OptionName.Render(error.Message, Vocabulary.PowerShell);
        Assert.Contains("the categories 'Seed', 'nope' given to -ExcludeCategory (its categories are 'app', 'core', 'seed';", message);
        Assert.False(Directory.Exists(output.Combine("ws")));
    }
}
