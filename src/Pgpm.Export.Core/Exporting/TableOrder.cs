using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Exporting;

/// <summary>The order meta tables are exported and listed in: the manifest's dependency order, then tables it does not know.</summary>
public static class TableOrder
{
    /// <summary>
    /// The manifest's tables, then any per-database table of the meta schemas the source has and the
    /// manifest does not know (with a warning, since its place in dependency order is a guess).
    /// </summary>
    public static async Task<IReadOnlyList<(TableRef Table, ManifestTable? Entry)>> ForExportAsync(
        IExportSource source,
        ExportManifest manifest,
        IExportLog log,
        CancellationToken cancellationToken
    ) => ForExport(await source.ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false), manifest, log);

    /// <summary>The same order, from the tables a source has already listed (<see cref="IExportSource.ListTablesAsync"/> of the meta
    /// schemas).</summary>
    public static IReadOnlyList<(TableRef Table, ManifestTable? Entry)> ForExport(
        IReadOnlyList<TableRef> available,
        ExportManifest manifest,
        IExportLog log
    )
    {
        var ordered = manifest.Tables.Select(t => (t.Table, (ManifestTable?)t)).ToList();
        var extras = available
            .Where(t => manifest.Find(t) is null && t != MetaSchemas.SqlActionsTable)
            .OrderBy(t => MetaSchemas.All.ToList().IndexOf(t.Schema))
            .ThenBy(t => t.Name, StringComparer.Ordinal);
        foreach (var extra in extras)
        {
            log.Warning(
                $"{extra} is not in the manifest; exporting it after the manifest's tables. "
                    + "Add it to the manifest to place it in dependency order."
            );
            ordered.Add((extra, null));
        }
        return ordered;
    }
}
