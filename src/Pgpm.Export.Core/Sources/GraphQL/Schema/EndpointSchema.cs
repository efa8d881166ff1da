using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>An endpoint's schema, by introspection or, where the API refuses it, by probes.</summary>
internal static class EndpointSchema
{
    /// <summary>
    /// The endpoint's schema by introspection or, where the API refuses it (<see cref="ErrorId.GraphQLIntrospectionDisabled"/>),
    /// from the manifests and naming rules confirmed by probes (<see cref="IntrospectionFreeSchema"/>), said in a warning:
    /// tables and columns no manifest lists cannot be seen that way.
    /// </summary>
    public static async Task<IntrospectionSchema> LoadAsync(
        GraphQLClient client,
        IReadOnlyList<ExportManifest> manifests,
        bool sqlActionsOnly,
        string doing,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return IntrospectionSchema.Parse(
                await client.QueryAsync(IntrospectionSchema.Query, null, doing, cancellationToken).ConfigureAwait(false)
            );
        }
        catch (ExportException e) when (e.ErrorId == ErrorId.GraphQLIntrospectionDisabled)
        {
            var schema = await IntrospectionFreeSchema
                .ProbeAsync(client, manifests, sqlActionsOnly, log, cancellationToken)
                .ConfigureAwait(false);
            if (!sqlActionsOnly)
                log.Warning(
                    $"{client.Endpoint} refuses introspection, so only the tables and columns a manifest lists can be "
                        + $"found, by their names under PostGraphile's naming rules; "
                        + "a table or column the database has beyond them is not seen and not exported. Allow introspection, or "
                        + "export over SQL, to be sure nothing else is there."
                );
            return schema;
        }
    }
}
