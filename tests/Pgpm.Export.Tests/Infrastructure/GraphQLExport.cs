using Pgpm.Export.Export;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Runs the real exporter over the GraphQL source of a real PostGraphile server.</summary>
public static class GraphQLExport
{
    public static async Task<ExportResult> RunAsync(Uri endpoint, string outputPath, ExportManifest manifest, IExportLog? log = null,
        string? token = null, int pageSize = 500, Uri? migrate = null, Guid? databaseId = null,
        Func<GraphQLEndpointOptions, GraphQLEndpointOptions>? adjust = null, CancellationToken cancellationToken = default)
    {
        var options = new GraphQLEndpointOptions { Endpoint = endpoint, Token = token, PageSize = pageSize, RetryDelay = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromSeconds(30) };
        if (adjust is not null) options = adjust(options);
        var migrateOptions = migrate is null ? null : options with { Endpoint = migrate };
        await using var source = await GraphQLExportSource.OpenAsync(options, migrateOptions, manifest, log, cancellationToken);
        return await PgpmCheck.PlansParseAsync(await new ProjectExporter(source, log).ExportAsync(new ExportOptions
        {
            OutputPath = outputPath,
            DatabaseId = databaseId ?? SqlExport.Acme,
            Author = "Test Author <test@example.com>",
            Manifest = manifest,
        }, cancellationToken));
    }

    /// <summary>The manifest the SQL source derives for a database, which also knows the tests' extra table and its target-supplied columns.</summary>
    public static async Task<ExportManifest> DerivedManifestAsync(PostgresFixture postgres, string database)
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        return await source.DeriveManifestAsync(CancellationToken.None);
    }

    public static Task<LocalGraphQLServer> StartAsync(PostgresFixture postgres, string database, GraphQLDialect dialect, bool plugin = true, string? token = null,
        int? maxPageSize = null, IReadOnlyList<int>? faults = null, IReadOnlyList<string>? schemas = null, bool dynamicJson = false) =>
        LocalGraphQLServer.StartAsync(postgres.Server, database, new GraphQLServerOptions
        {
            Dialect = dialect, ExportSqlActionsPlugin = plugin, Token = token, MaxPageSize = maxPageSize, LeadingFaults = faults ?? [], Schemas = schemas, DynamicJson = dynamicJson,
        });
}
