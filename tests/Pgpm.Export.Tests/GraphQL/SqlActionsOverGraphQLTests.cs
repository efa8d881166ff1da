using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The database package over GraphQL, whichever of the three ways a real PostGraphile server offers db_migrate.sql_actions:
/// a root field (this project's plugin, or a third-party one returning the table's own node type as a list or a
/// connection), the db_migrate connection on the API itself, or a separate migrate endpoint. Each must give the SQL
/// export's bytes, in id order, page by page, with categories excluded exactly as over SQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SqlActionsOverGraphQLTests(PostgresFixture postgres)
{
    public enum Way
    {
        /// <summary>exportSqlActions of plugins/postgraphile-export-sql-actions.</summary>
        Plugin,

        /// <summary>A third-party exportSqlActions returning [SqlAction!]! (default naming: id is the node id, rowId the
        /// integer).</summary>
        NodeTypeList,

        /// <summary>A third-party exportSqlActions returning the table's connection.</summary>
        NodeTypeConnection,

        /// <summary>The API exposes db_migrate itself: allDbMigrateSqlActions / sqlActions.</summary>
        DbMigrateConnection,

        /// <summary>The API has none; a second endpoint exposing db_migrate is given as the migrate endpoint.</summary>
        MigrateEndpoint,
    }

    [Theory]
    [InlineData(Way.Plugin, GraphQLDialect.Default, false)]
    [InlineData(Way.Plugin, GraphQLDialect.Constructive, false)]
    [InlineData(Way.Plugin, GraphQLDialect.PostGraphileV4, false)]
    [InlineData(Way.NodeTypeList, GraphQLDialect.Default, false)]
    [InlineData(Way.NodeTypeList, GraphQLDialect.Constructive, false)]
    [InlineData(Way.NodeTypeConnection, GraphQLDialect.Default, false)]
    [InlineData(Way.NodeTypeConnection, GraphQLDialect.Constructive, false)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.Default, false)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.Constructive, false)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.PostGraphileV4, false)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.Default, false)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.Constructive, false)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.PostGraphileV4, false)]
    [InlineData(Way.Plugin, GraphQLDialect.Default, true)]
    [InlineData(Way.Plugin, GraphQLDialect.Constructive, true)]
    [InlineData(Way.Plugin, GraphQLDialect.PostGraphileV4, true)]
    [InlineData(Way.NodeTypeList, GraphQLDialect.Default, true)]
    [InlineData(Way.NodeTypeList, GraphQLDialect.Constructive, true)]
    [InlineData(Way.NodeTypeConnection, GraphQLDialect.Default, true)]
    [InlineData(Way.NodeTypeConnection, GraphQLDialect.Constructive, true)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.Default, true)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.Constructive, true)]
    [InlineData(Way.DbMigrateConnection, GraphQLDialect.PostGraphileV4, true)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.Default, true)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.Constructive, true)]
    [InlineData(Way.MigrateEndpoint, GraphQLDialect.PostGraphileV4, true)]
    public async Task Sql_actions_are_byte_identical_to_SQL_with_and_without_excluded_categories_whichever_way_the_API_offers_them(
        Way way,
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewParityDatabaseAsync("actions_" + way.ToString().ToLowerInvariant());
        // Ids from 120 down to 95, stored in that order: a server's natural order, or ids sorted as text ('100' < '95'), would show.
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            INSERT INTO db_migrate.sql_actions (id, name, database_id, deploy, deps, content, category)
            SELECT g, 'extra ' || g, '{SqlExport.Acme}', 'extra/change_' || g, ARRAY[]::text[], 'SELECT ' || g || ';',
                   CASE WHEN g % 3 = 0 THEN 'seed' END
            FROM generate_series(120, 95, -1) g
            """
        );
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        var servesDbMigrate = way is Way.NodeTypeList or Way.NodeTypeConnection or Way.DbMigrateConnection;
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            dialect,
            plugin: way == Way.Plugin,
            schemas: servesDbMigrate ? GraphQLExport.WithDbMigrate : null,
            nodeTypeSqlActions: way switch
            {
                Way.NodeTypeList => NodeTypeSqlActions.List,
                Way.NodeTypeConnection => NodeTypeSqlActions.Connection,
                _ => NodeTypeSqlActions.None,
            },
            introspectionDisabled: introspectionDisabled
        );
        await using var migrate =
            way == Way.MigrateEndpoint
                ? await GraphQLExport.StartAsync(
                    postgres,
                    database,
                    dialect,
                    plugin: false,
                    schemas: ["db_migrate"],
                    introspectionDisabled: introspectionDisabled
                )
                : null;

        foreach (var exclude in new[] { Array.Empty<string>(), ["seed", "app"] })
        {
            using var sql = new TempDirectory();
            using var graphql = new TempDirectory();
            await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o =>
                o with
                {
                    Manifest = manifest,
                    ExcludeCategories = exclude,
                }
            );
            var log = new RecordingLog();
            var result = await GraphQLExport.RunAsync(
                server.Endpoint,
                graphql.Path,
                manifest,
                log,
                pageSize: 3,
                migrate: migrate?.Endpoint,
                excludeCategories: exclude
            );

            Assert.Equal(2, result.Packages.Count);
            Assert.DoesNotContain(WithoutFixtureTableWarning(log.Warnings), w =>
                !introspectionDisabled || !w.Contains("refuses introspection, so only the tables and columns a manifest lists")
            );
            var origin = Assert.Single(log.Verbose, v => v.StartsWith("sql_actions come from ", StringComparison.Ordinal));
            Assert.Contains(
                way switch
                {
                    Way.DbMigrateConnection => "the db_migrate.sql_actions connection",
                    Way.MigrateEndpoint => "the db_migrate.sql_actions connection ",
                    _ => $"the root field exportSqlActions of {server.Endpoint}",
                },
                origin
            );
            Assert.EndsWith($" of {(way == Way.MigrateEndpoint ? migrate!.Endpoint : server.Endpoint)}.", origin);
            WorkspaceAssert.Identical(sql.Path, graphql.Path, minimumFiles: 30);
            var plan = File.ReadAllLines(graphql.Combine("packages", "acme-crm", "pgpm.plan"));
            var extras = plan.Where(l => l.StartsWith("extra/", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]).ToList();
            Assert.Equal(Enumerable.Range(95, 26).Where(i => exclude.Length == 0 || i % 3 != 0).Select(i => "extra/change_" + i), extras);
        }
    }

    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    [InlineData(GraphQLDialect.PostGraphileV4)]
    public async Task A_migrate_endpoint_that_is_a_full_API_is_searched_for_sql_actions_only(GraphQLDialect dialect)
    {
        var database = await postgres.NewParityDatabaseAsync("actions_full_migrate");
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        await using var main = await GraphQLExport.StartAsync(postgres, database, dialect, plugin: false);
        await using var migrate = await GraphQLExport.StartAsync(
            postgres,
            database,
            dialect,
            plugin: false,
            schemas: GraphQLExport.WithDbMigrate
        );
        using var output = new TempDirectory();
        var log = new RecordingLog();

        var result = await GraphQLExport.RunAsync(main.Endpoint, output.Path, manifest, log, migrate: migrate.Endpoint);

        Assert.Equal(2, result.Packages.Count);
        Assert.Empty(WithoutFixtureTableWarning(log.Warnings));
        Assert.DoesNotContain(log.Verbose, v =>
            v.Contains(migrate.Endpoint.ToString(), StringComparison.Ordinal)
            && !v.StartsWith("sql_actions come from", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Excluding_categories_stops_by_name_when_the_API_hides_the_category_of_sql_actions()
    {
        var database = await postgres.NewParityDatabaseAsync("actions_no_category");
        await postgres.Server.ExecuteAsync(
            database,
            "COMMENT ON COLUMN db_migrate.sql_actions.category IS E'@behavior -select -filterBy -orderBy';"
        );
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database);
        await using var server = await GraphQLExport.StartAsync(
            postgres,
            database,
            GraphQLDialect.Default,
            plugin: false,
            schemas: GraphQLExport.WithDbMigrate
        );
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, manifest, excludeCategories: ["seed"])
        );

        Assert.Equal("SqlActionsCategoryUnavailable", error.ErrorId);
        Assert.Contains("allDbMigrateSqlActions", error.Message);
        Assert.Contains("--exclude-categories", OptionName.Render(error.Message, Vocabulary.CommandLine));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));

        // Without exclusions the same API gives the whole database package.
        var result = await GraphQLExport.RunAsync(server.Endpoint, output.Path, manifest);
        Assert.Contains(result.Packages, p => p.Is(PackageKind.Database));
    }

    /// <summary>
    /// The tests' extra table has no index on database_id, so plain PostGraphile offers no condition on it and the export
    /// says, rightly, that it filters that table itself. Every other warning counts.
    /// </summary>
    private static IEnumerable<string> WithoutFixtureTableWarning(IEnumerable<string> warnings) =>
        warnings.Where(w =>
            !w.StartsWith("The API cannot filter allExportValueFixtures by database", StringComparison.Ordinal)
            && !w.StartsWith("The API cannot filter exportValueFixtures by database", StringComparison.Ordinal)
        );
}
