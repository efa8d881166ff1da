using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Runs the real exporter over the GraphQL source of a real PostGraphile server.</summary>
public static class GraphQLExport
{
    /// <param name="manifest">The manifest to follow; null follows the built-in schema version closest to what the API exposes.</param>
    public static async Task<ExportResult> RunAsync(
        Uri endpoint,
        string outputPath,
        ExportManifest? manifest,
        IExportLog? log = null,
        string? token = null,
        int pageSize = 500,
        Uri? migrate = null,
        Guid? databaseId = null,
        Func<GraphQLEndpointOptions, GraphQLEndpointOptions>? adjust = null,
        IReadOnlyList<string>? excludeCategories = null,
        Func<ExportOptions, ExportOptions>? adjustExport = null,
        CancellationToken cancellationToken = default,
        IProgress<ExportProgress>? progress = null
    )
    {
        var options = new GraphQLEndpointOptions
        {
            Endpoint = endpoint,
            Token = token,
            PageSize = pageSize,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        if (adjust is not null)
            options = adjust(options);
        var migrateOptions = migrate is null ? null : options with { Endpoint = migrate };
        await using var source = await GraphQLExportSource.OpenAsync(options, migrateOptions, manifest, log, cancellationToken);
        var exportOptions = new ExportOptions
        {
            OutputPath = outputPath,
            DatabaseId = databaseId ?? SqlExport.Acme,
            Author = "Test Author <test@example.com>",
            Manifest = manifest,
            ExcludeCategories = excludeCategories ?? [],
        };
        if (adjustExport is not null)
            exportOptions = adjustExport(exportOptions);
        return await PgpmCheck.PlansParseAsync(
            await new ProjectExporter(source, log, progress).ExportAsync(exportOptions, cancellationToken)
        );
    }

    /// <summary>The manifest the SQL source derives for a database, which also knows the tests' extra table and its target-supplied
    /// columns.</summary>
    public static Task<ExportManifest> DerivedManifestAsync(PostgresFixture postgres, string database) =>
        DerivedManifestAsync(postgres.Server, database);

    public static async Task<ExportManifest> DerivedManifestAsync(LocalPostgres server, string database)
    {
        await using var source = await SqlExportSource.OpenAsync(server.ConnectionString(database));
        return await source.DeriveManifestAsync(CancellationToken.None);
    }

    public static Task<LocalGraphQLServer> StartAsync(
        PostgresFixture postgres,
        string database,
        GraphQLDialect dialect,
        bool plugin = true,
        string? token = null,
        int? maxPageSize = null,
        IReadOnlyList<int>? faults = null,
        IReadOnlyList<string>? schemas = null,
        bool dynamicJson = false,
        NodeTypeSqlActions nodeTypeSqlActions = NodeTypeSqlActions.None,
        bool introspectionDisabled = false
    ) =>
        LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions
            {
                Dialect = dialect,
                ExportSqlActionsPlugin = plugin,
                Token = token,
                MaxPageSize = maxPageSize,
                LeadingFaults = faults ?? [],
                Schemas = schemas,
                DynamicJson = dynamicJson,
                NodeTypeSqlActions = nodeTypeSqlActions,
                IntrospectionDisabled = introspectionDisabled,
            }
        );

    /// <summary>Each dialect with introspection allowed and refused (names then come from the manifests and probes).</summary>
    public static Xunit.TheoryData<GraphQLDialect, bool> DialectsWithAndWithoutIntrospection =>
        new()
        {
            { GraphQLDialect.Default, false },
            { GraphQLDialect.Constructive, false },
            { GraphQLDialect.PostGraphileV4, false },
            { GraphQLDialect.Default, true },
            { GraphQLDialect.Constructive, true },
            { GraphQLDialect.PostGraphileV4, true },
        };

    /// <summary>Adds metaschema_public.schema.state, an enum whose labels are not lower_snake ('draft', 'inReview', 'Published'), set on
    /// every row.</summary>
    public static Task AddReviewStateColumnAsync(PostgresFixture postgres, string database) =>
        postgres.Server.ExecuteAsync(
            database,
            """
            CREATE TYPE metaschema_public.review_state AS ENUM ('draft', 'inReview', 'Published');
            ALTER TABLE metaschema_public.schema ADD COLUMN state metaschema_public.review_state;
            UPDATE metaschema_public.schema
               SET state = CASE name WHEN 'public' THEN 'inReview'::metaschema_public.review_state ELSE 'Published' END;
            """
        );

    /// <summary>The meta schemas and db_migrate: an API that exposes sql_actions itself.</summary>
    public static readonly IReadOnlyList<string> WithDbMigrate =
    [
        "metaschema_public",
        "services_public",
        "metaschema_modules_public",
        "db_migrate",
    ];

    /// <summary>
    /// The manifest for parity with the SQL export of a parity database. A column spelled with capitals cannot be named
    /// back from its camelCase field, so it leaves the fixture's "MixedCase" column out (under both spellings the two
    /// sources see). The Constructive schema marks database.schema_hash <c>@omit</c>; v4 honours the smart comment, so
    /// its API cannot carry that column at all (v5 ignores v4's smart comments), and for v4 it is left out too.
    /// </summary>
    public static async Task<ExportManifest> ParityManifestAsync(
        PostgresFixture postgres,
        string database,
        GraphQLDialect dialect = GraphQLDialect.Default
    ) =>
        new(
            (await DerivedManifestAsync(postgres, database))
                .Tables.Select(t =>
                    t.Table.Name == "export_value_fixture" ? t with { DropColumns = [.. t.DropColumns, "MixedCase", "mixed_case"] } : t
                )
                .Select(t => dialect == GraphQLDialect.PostGraphileV4 ? WithoutV4OmittedColumn(t) : t)
                .ToList()
        );

    /// <summary>The table less database.schema_hash, which the Constructive schema marks <c>@omit</c> and so no v4 API carries.</summary>
    public static ManifestTable WithoutV4OmittedColumn(ManifestTable table) =>
        table.Table == MetaSchemas.DatabaseTable ? table with { DropColumns = [.. table.DropColumns, "schema_hash"] } : table;
}
