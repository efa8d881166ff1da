using Pgpm.Export.Commands.Pipeline;

namespace Pgpm.Export.Commands;

/// <summary>Get-ExportSchema: a database's rows of metaschema_public.schema.</summary>
public static class SchemaQuery
{
    public static async Task RunAsync(
        PgpmExportSource source,
        DatabaseChoice database,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        var databaseId = (await database.ResolveAsync(source, cancellationToken).ConfigureAwait(false)).Id;
        foreach (var schema in await source.Inner.GetSchemasAsync(databaseId, cancellationToken).ConfigureAwait(false))
            await output.WriteObjectAsync(schema, cancellationToken).ConfigureAwait(false);
    }
}
