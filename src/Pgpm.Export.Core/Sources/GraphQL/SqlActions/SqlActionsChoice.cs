using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Sources.GraphQL.Schema;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// Where sql_actions come from: the main endpoint when it offers them, else the migrate endpoint when one is given (its
/// client is then <see cref="MigrateClient"/>), else nowhere, with the <see cref="Reason"/> a metadata-only export gives.
/// </summary>
internal sealed record SqlActionsChoice(ISqlActionsReader? Reader, string? Reason, IDisposable? MigrateClient)
{
    /// <exception cref="ExportException">MigrateEndpointWithoutSqlActions, or the migrate endpoint's schema could not be
    /// read; its client is then disposed.</exception>
    public static async Task<SqlActionsChoice> MakeAsync(
        GraphQLClient client,
        IntrospectionSchema schema,
        PageSizeCeiling ceiling,
        GraphQLEndpointOptions options,
        GraphQLEndpointOptions? migrate,
        IReadOnlyList<ExportManifest> manifests,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        GraphQLClient? migrateClient = null;
        try
        {
            ISqlActionsReader? sqlActions = SqlActionsDiscovery.Find(client, schema, ceiling);
            string? reason = null;
            if (sqlActions is null && migrate is not null)
            {
                migrateClient = new GraphQLClient(migrate, log);
                var migrateSchema = await EndpointSchema
                    .LoadAsync(migrateClient, manifests, true, "introspecting the migrate endpoint", log, cancellationToken)
                    .ConfigureAwait(false);
                sqlActions = SqlActionsDiscovery.Find(migrateClient, migrateSchema, new PageSizeCeiling(migrate.PageSize, log))
                    ?? throw new ExportException(
                        ExportErrorKind.NotFound,
                        ErrorId.MigrateEndpointWithoutSqlActions,
                        $"The migrate endpoint {migrate.Endpoint} offers sql_actions in none of the three ways: no "
                            + $"{SqlActionsDiscovery.RootField}(databaseId) root field "
                            + "and no db_migrate.sql_actions connection (such as allDbMigrateSqlActions or sqlActions) "
                            + "visible to this token."
                    );
            }
            else if (migrate is not null)
            {
                // Never contacted: an unreachable or wrong migrate endpoint would otherwise pass without a word.
                log.Warning(
                    $"{OptionName.MigrateEndpoint} {migrate.Endpoint} is not used: {options.Endpoint} offers sql_actions "
                        + $"itself ({sqlActions!.Origin})."
                );
            }
            else if (sqlActions is null)
            {
                reason =
                    $"the GraphQL API at {options.Endpoint} does not offer sql_actions, so this is a metadata-only export "
                    + $"(the service package). "
                    + $"For the database package too, the API must offer them in one of three ways: a "
                    + $"{SqlActionsDiscovery.RootField}(databaseId) root field "
                    + "(the plugin in plugins/postgraphile-export-sql-actions), the db_migrate schema exposed on this API (its "
                    + "sql_actions connection), "
                    + $"or a separate endpoint that does either, given with {OptionName.MigrateEndpoint}";
            }
            return new SqlActionsChoice(sqlActions, reason, migrateClient);
        }
        catch
        {
            migrateClient?.Dispose();
            throw;
        }
    }
}
