using Pgpm.Export.Commands.Pipeline;

namespace Pgpm.Export.Commands;

/// <summary>Get-ExportSchema: a database's rows of metaschema_public.schema.</summary>
public static class SchemaQuery
{
    public static async Task RunAsync(PgpmExportSource source, Guid databaseId, ICommandOutput output, CancellationToken cancellationToken)
    {
        await DatabaseQuery.RequireAsync(source, databaseId, cancellationToken).ConfigureAwait(false);
        foreach (var schema in await source.Inner.GetSchemasAsync(databaseId, cancellationToken).ConfigureAwait(false))
            await output.WriteObjectAsync(schema, cancellationToken).ConfigureAwait(false);
    }
}
