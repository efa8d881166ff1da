using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>The built-in 0.15.5 manifest is what the real 0.15.5 schema (installed by CREATE EXTENSION) derives.</summary>
[Collection(CombinedSchemaCollection.Name)]
public class CombinedSchemaTests(CombinedSchemaFixture postgres)
{
    [Fact]
    public async Task Built_in_0_15_5_manifest_is_what_the_real_0_15_5_schema_derives()
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(CombinedSchemaFixture.Template));
        var derived = await source.DeriveManifestAsync(CancellationToken.None);
        Assert.Equal(ConstructiveSchema.CombinedVersion, derived.Version);
        ManifestFiles.AssertBuiltIn(derived);
        Assert.Equal(52, derived.Tables.Count);
        Assert.DoesNotContain(derived.Tables, t => t.Table.Name is "table_module" or "table_template_module");
    }

    [Theory]
    [MemberData(nameof(GraphQLExport.DialectsWithAndWithoutIntrospection), MemberType = typeof(GraphQLExport))]
    public async Task A_0_15_5_database_exports_byte_identically_over_SQL_and_GraphQL_following_0_15_5(
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewSampleDatabaseAsync("v0155");
        using var both = await BothSources.ExportAsync(
            postgres.Server,
            database,
            SampleDatabase.SampleId,
            dialect,
            introspectionDisabled: introspectionDisabled
        );

        WorkspaceAssert.Identical(both.Sql.Path, both.GraphQL.Path, minimumFiles: 10);
        Assert.Equal(ConstructiveSchema.CombinedVersion, both.Result.SchemaVersion);
        Assert.Empty(both.Result.Omissions);
        Assert.Contains(both.Log.Verbose, v => v.StartsWith("Schema version 0.15.5 chosen", StringComparison.Ordinal));
        // 0.16's extra columns (check_constraint.category, field_module.node_type…) are not in 0.15.5, so nothing is reported hidden.
        Assert.DoesNotContain(both.Log.Warnings, w => w.Contains("hidden") && !w.Contains("schema_hash"));
    }

    /// <summary>
    /// A newcomer's finding: a forced version the database does not have was reported over GraphQL as columns "hidden by
    /// the server" while the SQL export of the same database went through. Both sources now stop alike and say why.
    /// </summary>
    [Fact]
    public async Task A_forced_schema_version_the_database_does_not_match_stops_over_SQL_and_GraphQL_alike()
    {
        var database = await postgres.NewSampleDatabaseAsync("forced");
        await using var server = await LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions { ExportSqlActionsPlugin = true }
        );
        using var output = new TempDirectory();
        var graphql = await Assert.ThrowsAsync<Errors.ExportException>(() =>
            GraphQLExport.RunAsync(
                server.Endpoint,
                output.Combine("graphql"),
                null,
                new RecordingLog(),
                databaseId: SampleDatabase.SampleId,
                adjustExport: o => o with { SchemaVersion = "0.16" }
            )
        );
        var sql = await Assert.ThrowsAsync<Errors.ExportException>(() =>
            SqlExport.RunAsync(postgres.Server, database, output.Combine("sql"), adjust: o =>
                o with
                {
                    DatabaseId = SampleDatabase.SampleId,
                    SchemaVersion = "0.16",
                }
            )
        );
        foreach (var error in new[] { graphql, sql })
        {
            Assert.Equal("SchemaVersionMismatch", error.ErrorId);
            var message = Errors.OptionName.Render(error.Message, Errors.Vocabulary.CommandLine);
            Assert.Contains("--schema-version 0.16 was given, but the source matches schema version 0.15.5 better: ", message);
            Assert.Contains(" columns of 0.16 are missing from it (metaschema_public.", message);
            Assert.DoesNotContain("hidden by the server", message);
        }
        Assert.False(Directory.Exists(output.Combine("graphql", "packages")));
        Assert.False(Directory.Exists(output.Combine("sql", "packages")));
    }
}
