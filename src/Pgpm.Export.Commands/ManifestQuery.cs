using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Commands;

/// <summary>A manifest derived from a PostgreSQL source's schema, for an export of another schema version.</summary>
public static class ManifestQuery
{
    /// <param name="version">The version to record in the manifest; null for the metaschema-schema extension's version.</param>
    public static async Task RunAsync(PgpmExportSource source, string? version, ICommandOutput output, CancellationToken cancellationToken)
    {
        if (source.Inner is not SqlExportSource sql)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ManifestNeedsSql,
                $"A manifest is derived from a PostgreSQL catalog; give the source with {OptionName.ConnectionString}."
            );
        var manifest = await sql.DeriveManifestAsync(cancellationToken, version).ConfigureAwait(false);
        await output.WriteObjectAsync(manifest, cancellationToken).ConfigureAwait(false);
    }
}
