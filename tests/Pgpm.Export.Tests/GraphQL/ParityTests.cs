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
        // A row that depends on a later row: both sources must plan it after that row, in the same order.
        await postgres.Server.ExecuteAsync(database, $$"""
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content, revert) VALUES
              (601, 'late view', '{{SqlExport.Acme}}', 'schemas/acme_crm_1a2b_public/views/late', '{schemas/acme_crm_1a2b_public/tables/late}',
               'CREATE VIEW acme_crm_1a2b_public.late_v AS SELECT * FROM acme_crm_1a2b_public.late;', 'DROP VIEW acme_crm_1a2b_public.late_v;'),
              (602, 'late table', '{{SqlExport.Acme}}', 'schemas/acme_crm_1a2b_public/tables/late', '{schemas/acme_crm_1a2b_public/schema}',
               'CREATE TABLE acme_crm_1a2b_public.late (x int);', 'DROP TABLE acme_crm_1a2b_public.late;');
            """);
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => new() { OutputPath = o.OutputPath, DatabaseId = o.DatabaseId, Author = o.Author, Manifest = manifest });

        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, dynamicJson: dynamicJson);
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, log, pageSize: 2);
        Assert.Equal(2, result.Packages.Count);

        WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
        var changes = (await PgpmPlan.ReadAsync(Path.Combine(graphql.Path, "packages", "acme-crm"))).Changes.Select(c => c.Name).ToList();
        var table = changes.IndexOf("schemas/acme_crm_public/tables/late");
        Assert.True(table >= 0 && table < changes.IndexOf("schemas/acme_crm_public/views/late"), string.Join(", ", changes));
        // The same bytes, so one pgpm run judges both: parsed, deployed, verified, reverted and deployed again.
        await PgpmPackageDeployer.CycleAsync(postgres.Server, await postgres.NewDatabaseAsync("parity_target"),
            [Path.Combine(graphql.Path, "packages", "acme-crm"), Path.Combine(graphql.Path, "packages", "acme-crm-service")]);
    }
}
