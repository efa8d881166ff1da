using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>One database exported over SQL and over a fresh real PostGraphile server, for byte-parity checks.</summary>
public sealed class BothSources : IDisposable
{
    public TempDirectory Sql { get; } = new();
    public TempDirectory GraphQL { get; } = new();
    public RecordingLog Log { get; } = new();
    public ExportResult Result { get; private set; } = null!;

    /// <summary>
    /// Exports <paramref name="databaseId"/> of <paramref name="database"/> both ways, each following <paramref name="manifest"/>
    /// (null: the built-in version closest to what each source shows). PostGraphile v4 honours the <c>@omit</c> the
    /// Constructive schema puts on database.schema_hash, so there the column contract would stop the export; it is allowed
    /// to proceed, the one omission must be exactly that column, and the SQL export is made without it.
    /// </summary>
    /// <param name="introspectionDisabled">The server refuses introspection (INTROSPECTION_DISABLED), so names come from the manifests and
    /// probes.</param>
    public static async Task<BothSources> ExportAsync(
        LocalPostgres server,
        string database,
        Guid databaseId,
        GraphQLDialect dialect,
        ExportManifest? manifest = null,
        bool introspectionDisabled = false
    )
    {
        var both = new BothSources();
        var v4 = dialect == GraphQLDialect.PostGraphileV4;
        ExportManifest? sqlManifest = manifest;
        if (v4)
        {
            await using var sqlSource = await Sources.Sql.SqlExportSource.OpenAsync(server.ConnectionString(database));
            sqlManifest = WithoutSchemaHash(
                manifest ?? (await sqlSource.ChooseSchemaVersionAsync(ExportManifest.BuiltInVersions, CancellationToken.None)).Manifest
            );
        }
        await SqlExport.RunAsync(server, database, both.Sql.Path, adjust: o => o with { DatabaseId = databaseId, Manifest = sqlManifest });
        await using var graphQLServer = await LocalGraphQLServer.StartAsync(
            server,
            database,
            new GraphQLServerOptions
            {
                Dialect = dialect,
                ExportSqlActionsPlugin = true,
                IntrospectionDisabled = introspectionDisabled,
            }
        );
        var result = await GraphQLExport.RunAsync(
            graphQLServer.Endpoint,
            both.GraphQL.Path,
            manifest,
            both.Log,
            pageSize: 2,
            databaseId: databaseId,
            adjustExport: o => o with { AllowMissingColumns = v4 }
        );
        if (v4)
        {
            Assert.Equal(["metaschema_public.database.schema_hash"], result.Omissions.Select(o => o.Name));
            result = result with { Omissions = [] };
        }
        both.Result = result;
        return both;
    }

    private static ExportManifest WithoutSchemaHash(ExportManifest manifest) =>
        new(manifest.Tables.Select(GraphQLExport.WithoutV4OmittedColumn).ToList(), manifest.Version);

    public void Dispose()
    {
        Sql.Dispose();
        GraphQL.Dispose();
    }
}
