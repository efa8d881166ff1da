using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>The GraphQL export of a real PostGraphile v5 server is byte-identical to the SQL export, in both naming dialects.</summary>
[Collection(PostgresCollection.Name)]
public class ParityTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    public async Task GraphQL_export_is_byte_identical_to_the_SQL_export(GraphQLDialect dialect)
    {
        var database = await postgres.NewParityDatabaseAsync("parity");
        var manifest = WithoutMixedCaseColumn(await GraphQLExport.DerivedManifestAsync(postgres, database));
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => new() { OutputPath = o.OutputPath, DatabaseId = o.DatabaseId, Author = o.Author, Manifest = manifest });

        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect);
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, log, pageSize: 2);
        Assert.Equal(2, result.Packages.Count);

        WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
        // The same bytes, so one pgpm run judges both: parsed, deployed, verified, reverted and deployed again.
        await PgpmPackageDeployer.CycleAsync(postgres.Server, await postgres.NewDatabaseAsync("parity_target"),
            [Path.Combine(graphql.Path, "packages", "acme-crm"), Path.Combine(graphql.Path, "packages", "acme-crm-service")]);
    }

    /// <summary>
    /// A column spelled with capitals cannot be named back from its camelCase field, so the parity manifest
    /// leaves the fixture's "MixedCase" column out (under both spellings the two sources see).
    /// </summary>
    private static ExportManifest WithoutMixedCaseColumn(ExportManifest manifest) => new(manifest.Tables
        .Select(t => t.Table.Name == "export_value_fixture" ? t with { DropColumns = [.. t.DropColumns, "MixedCase", "mixed_case"] } : t)
        .ToList());
}
