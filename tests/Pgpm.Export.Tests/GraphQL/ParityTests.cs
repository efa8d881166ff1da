using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources;
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
        var manifest = await ParityManifestAsync(postgres, database, dialect);
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

    /// <summary>The manifest the SQL source derives, less the columns a server of this dialect cannot name or show.</summary>
    internal static async Task<ExportManifest> ParityManifestAsync(PostgresFixture postgres, string database, GraphQLDialect dialect)
    {
        var manifest = WithoutMixedCaseColumn(await GraphQLExport.DerivedManifestAsync(postgres, database));
        return dialect == GraphQLDialect.PostGraphileV4 ? WithoutOmittedColumn(manifest) : manifest;
    }

    /// <summary>
    /// A column spelled with capitals cannot be named back from its camelCase field, so the parity manifest
    /// leaves the fixture's "MixedCase" column out (under both spellings the two sources see).
    /// </summary>
    private static ExportManifest WithoutMixedCaseColumn(ExportManifest manifest) => new(manifest.Tables
        .Select(t => t.Table.Name == "export_value_fixture" ? t with { DropColumns = [.. t.DropColumns, "MixedCase", "mixed_case"] } : t)
        .ToList());

    /// <summary>
    /// The Constructive schema marks database.schema_hash <c>@omit</c>; v4 honours the smart comment, so its API cannot
    /// carry that column at all (v5 ignores v4's smart comments). The parity manifest leaves it out for v4.
    /// </summary>
    private static ExportManifest WithoutOmittedColumn(ExportManifest manifest) => new(manifest.Tables
        .Select(t => t.Table == MetaSchemas.DatabaseTable ? t with { DropColumns = [.. t.DropColumns, "schema_hash"] } : t)
        .ToList());
}
