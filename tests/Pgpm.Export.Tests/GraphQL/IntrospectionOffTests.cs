using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// Issue 13, item 3: a real PostGraphile whose front refuses <c>__schema</c>/<c>__type</c> with INTROSPECTION_DISABLED,
/// as Constructive's server does when introspection is off. The export finds the names from the manifests and the
/// server's naming rules, confirmed by probes (parity in every dialect: ParityTests, CombinedSchemaTests,
/// ColumnContractTests, SqlActionsOverGraphQLTests run with introspection off too); here, what only this case has.
/// </summary>
[Collection(PostgresCollection.Name)]
public class IntrospectionOffTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    [InlineData(GraphQLDialect.PostGraphileV4)]
    public async Task An_API_whose_names_follow_no_known_naming_is_a_named_stop_that_says_what_to_do(GraphQLDialect dialect)
    {
        var database = await postgres.NewSampleDatabaseAsync("nointro");
        // Without metaschema_public.database no naming can be recognised (and no database chosen).
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, schemas: ["services_public"], introspectionDisabled: true);
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn, databaseId: SampleDatabase.SampleId));

        Assert.Equal("GraphQLNamesNotFound", error.ErrorId);
        Assert.Contains(server.Endpoint.ToString(), error.Message);
        Assert.Contains("allDatabases", error.Message);
        Assert.Contains("export over SQL", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    [InlineData(GraphQLDialect.PostGraphileV4)]
    public async Task Enum_labels_come_back_through_the_manifest_and_a_column_no_manifest_lists_is_said_to_be_unseen(GraphQLDialect dialect)
    {
        var database = await postgres.NewSampleDatabaseAsync("nointro_enum");
        await GraphQLExport.AddReviewStateColumnAsync(postgres, database);
        // A manifest that lists the column and its labels: probed, read, and the labels given back byte for byte.
        var manifest = await GraphQLExport.DerivedManifestAsync(postgres, database);
        using (var both = await BothSources.ExportAsync(postgres.Server, database, SampleDatabase.SampleId, dialect, manifest, introspectionDisabled: true))
        {
            WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
            Assert.Contains("'inReview'", File.ReadAllText(Path.Combine(both.GraphQL.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql")));
        }

        // The built-in manifests do not list it: without introspection it cannot be seen, and the export says so.
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: true);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        await GraphQLExport.RunAsync(server.Endpoint, output.Path, null, log, databaseId: SampleDatabase.SampleId,
            adjustExport: o => o with { AllowMissingColumns = dialect == GraphQLDialect.PostGraphileV4 });
        Assert.DoesNotContain("  state", File.ReadAllText(Path.Combine(output.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql")));
        Assert.Contains(log.Warnings, w => w.Contains(server.Endpoint.ToString()) && w.Contains("refuses introspection, so only the tables and columns a manifest lists can be found"));
    }
}
