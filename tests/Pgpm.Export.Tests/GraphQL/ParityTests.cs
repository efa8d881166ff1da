using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The GraphQL export of a real PostGraphile server is byte-identical to the SQL export in every dialect: v5 with its
/// default names, v5 with Constructive's, and v4 (JSON as text, as v4 ships, and as JSON values with dynamicJson).
/// </summary>
[Collection(PostgresCollection.Name)]
public class ParityTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default, false)]
    [InlineData(GraphQLDialect.Constructive, false)]
    [InlineData(GraphQLDialect.PostGraphileV4, false)]
    [InlineData(GraphQLDialect.PostGraphileV4, true)]
    public async Task GraphQL_export_is_byte_identical_to_the_SQL_export(GraphQLDialect dialect, bool dynamicJson)
    {
        var database = await postgres.NewParityDatabaseAsync("parity");
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => new() { OutputPath = o.OutputPath, DatabaseId = o.DatabaseId, Author = o.Author, Manifest = manifest });

        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, dynamicJson: dynamicJson);
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, log, pageSize: 2);
        Assert.Equal(2, result.Packages.Count);

        WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
        // The same bytes, so one pgpm run judges both: parsed, deployed, verified, reverted and deployed again.
        await PgpmPackageDeployer.CycleAsync(postgres.Server, await postgres.NewDatabaseAsync("parity_target"),
            [Path.Combine(graphql.Path, "packages", "acme-crm"), Path.Combine(graphql.Path, "packages", "acme-crm-service")]);
    }
}
