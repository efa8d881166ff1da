using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The GraphQL export of a real PostGraphile server is byte-identical to the SQL export in every dialect: v5 with its
/// default names, v5 with Constructive's, and v4 (JSON as text, as v4 ships, and as JSON values with dynamicJson), each
/// also with introspection refused (INTROSPECTION_DISABLED), where every name comes from the manifest and the dialect's
/// naming rules, confirmed by probes.
/// </summary>
[Collection(PostgresCollection.Name)]
public class ParityTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default, false, false)]
    [InlineData(GraphQLDialect.Constructive, false, false)]
    [InlineData(GraphQLDialect.PostGraphileV4, false, false)]
    [InlineData(GraphQLDialect.PostGraphileV4, true, false)]
    [InlineData(GraphQLDialect.Default, false, true)]
    [InlineData(GraphQLDialect.Constructive, false, true)]
    [InlineData(GraphQLDialect.PostGraphileV4, false, true)]
    [InlineData(GraphQLDialect.PostGraphileV4, true, true)]
    public async Task GraphQL_export_is_byte_identical_to_the_SQL_export(
        GraphQLDialect dialect,
        bool dynamicJson,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewParityDatabaseAsync("parity");
        // A row that depends on a later row: both sources must plan it after that row, in the same order.
        await postgres.Server.ExecuteAsync(
            database,
            $$"""
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content, revert) VALUES
              (601, 'late view', '{{SqlExport.Acme}}', 'schemas/acme_crm_1a2b_public/views/late',
               '{schemas/acme_crm_1a2b_public/tables/late}',
               'CREATE VIEW acme_crm_1a2b_public.late_v AS SELECT * FROM acme_crm_1a2b_public.late;',
               'DROP VIEW acme_crm_1a2b_public.late_v;'),
              (602, 'late table', '{{SqlExport.Acme}}', 'schemas/acme_crm_1a2b_public/tables/late', '{schemas/acme_crm_1a2b_public/schema}',
               'CREATE TABLE acme_crm_1a2b_public.late (x int);', 'DROP TABLE acme_crm_1a2b_public.late;');
            """
        );
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => new()
            {
                OutputPath = o.OutputPath,
                DatabaseId = o.DatabaseId,
                Author = o.Author,
                Manifest = manifest,
            });

        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            dialect,
            dynamicJson: dynamicJson,
            introspectionDisabled: introspectionDisabled
        );
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, log, pageSize: 2);
        Assert.Equal(2, result.Packages.Count);
        if (introspectionDisabled)
        {
            var naming = dialect switch
            {
                GraphQLDialect.Default => "PostGraphile v5 default",
                GraphQLDialect.Constructive => "Constructive",
                _ => "PostGraphile v4",
            };
            Assert.Contains(log.Verbose, v =>
                v.Contains("refuses introspection, so its names come from the manifests")
                && v.Contains($"and {naming} naming, confirmed by ")
            );
            Assert.Contains(log.Warnings, w => w.Contains("only the tables and columns a manifest lists can be found"));
        }

        WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
        var changes = (await PgpmPlan.ReadAsync(Path.Combine(graphql.Path, "packages", "acme-crm"))).Changes.Select(c => c.Name).ToList();
        var table = changes.IndexOf("schemas/acme_crm_public/tables/late");
        Assert.True(table >= 0 && table < changes.IndexOf("schemas/acme_crm_public/views/late"), string.Join(", ", changes));
        // The same bytes, so one pgpm run judges both: parsed, deployed, verified, reverted and deployed again.
        await PgpmPackageDeployer.CycleAsync(
            postgres.Server,
            await postgres.NewDatabaseAsync("parity_target"),
            [Path.Combine(graphql.Path, "packages", "acme-crm"), Path.Combine(graphql.Path, "packages", "acme-crm-service")]
        );
    }
}
