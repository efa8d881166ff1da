using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// A real PostGraphile whose front refuses <c>__schema</c>/<c>__type</c> with INTROSPECTION_DISABLED,
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
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            dialect,
            schemas: ["services_public"],
            introspectionDisabled: true
        );
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn, databaseId: SampleDatabase.SampleId)
        );

        Assert.Equal("GraphQLNamesNotFound", error.ErrorId);
        Assert.Contains(server.Endpoint.ToString(), error.Message);
        Assert.Equal(server.Endpoint, error.Target);
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
        using (
            var both = await BothSources.ExportAsync(
                postgres.Server,
                database,
                SampleDatabase.SampleId,
                dialect,
                manifest,
                introspectionDisabled: true
            )
        )
        {
            WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
            Assert.Contains(
                "'inReview'",
                File.ReadAllText(Path.Combine(both.GraphQL.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql"))
            );
        }

        // The built-in manifests do not list it: without introspection it cannot be seen, and the export says so.
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: true);
        using var output = new TempDirectory();
        var log = new RecordingLog();
        await GraphQLExport.RunAsync(server.Endpoint, output.Path, null, log, databaseId: SampleDatabase.SampleId, adjustExport: o =>
            o with
            {
                AllowMissingColumns = dialect == GraphQLDialect.PostGraphileV4,
            }
        );
        Assert.DoesNotContain(
            "  state",
            File.ReadAllText(Path.Combine(output.Path, "packages", "pets-service", "deploy", "migrate", "schema.sql"))
        );
        Assert.Contains(log.Warnings, w =>
            w.Contains(server.Endpoint.ToString())
            && w.Contains("refuses introspection, so only the tables and columns a manifest lists can be found")
        );
    }

    [Fact]
    public async Task A_probe_refused_for_a_reason_that_names_no_probed_field_is_a_named_stop_not_a_guess()
    {
        var database = await postgres.NewSampleDatabaseAsync("nointro_unclear");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default, introspectionDisabled: true);
        await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
        // The naming is found by the first probe; the gateway refuses the second with its depth limit, located at the operation.
        var probes = 0;
        proxy.Inject(
            r => r.Query.StartsWith("query PgpmExportProbe", StringComparison.Ordinal) && Interlocked.Increment(ref probes) == 2,
            FaultKind.ErrorAtOperation,
            times: 1
        );
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(proxy.Endpoint, output.Path, null, databaseId: SampleDatabase.SampleId)
        );

        Assert.Equal("GraphQLProbeUnclear", error.ErrorId);
        Assert.Equal(1, proxy.Fired);
        Assert.Contains("exceeds maximum operation depth of 3", error.Message);
        Assert.Contains("export over SQL", error.Message);
        Assert.Equal(proxy.Endpoint, error.Target);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task A_v4_API_that_shows_neither_JSON_form_is_a_named_stop_instead_of_values_read_the_wrong_way()
    {
        var database = await postgres.NewSampleDatabaseAsync("nointro_json");
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            GraphQLDialect.PostGraphileV4,
            introspectionDisabled: true
        );
        await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
        // The probe that tells JSON text from JSON values asks a condition on a JSON column both ways (s0 and o0).
        proxy.Inject(
            r => r.Query.Contains("\ns0: ", StringComparison.Ordinal) && r.Query.Contains("\no0: ", StringComparison.Ordinal),
            FaultKind.RefuseEveryLine,
            times: 1
        );
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(proxy.Endpoint, output.Path, null, databaseId: SampleDatabase.SampleId, adjustExport: o =>
                o with
                {
                    AllowMissingColumns = true,
                }
            )
        );

        Assert.Equal("GraphQLJsonModeUnknown", error.ErrorId);
        Assert.Equal(1, proxy.Fired);
        Assert.Equal(proxy.Endpoint, error.Target);
        Assert.Contains("dynamicJson", error.Message);
        Assert.Contains("export over SQL", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }
}
