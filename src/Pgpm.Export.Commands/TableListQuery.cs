using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Commands;

/// <summary>Get-ExportTable -ListAvailable: the meta tables in export order, with whether the source exposes each.</summary>
public static class TableListQuery
{
    public static async Task RunAsync(
        PgpmExportSource source,
        IReadOnlyList<string>? names,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        var exposed = await source.Inner.ListTablesAsync(MetaSchemas.All, cancellationToken).ConfigureAwait(false);
        var manifest = await SchemaVersionResolver
            .ResolveAsync(source.Inner, null, null, new CommandLog(output), cancellationToken)
            .ConfigureAwait(false);
        var tables = TableSelection.Select(TableOrder.ForExport(exposed, manifest, NullExportLog.Instance), names, output);
        foreach (var (table, entry) in tables)
            await output
                .WriteObjectAsync(
                    new ExportTableInfo(table.Schema, table.Name, entry is not null, exposed.Contains(table)),
                    cancellationToken
                )
                .ConfigureAwait(false);
    }
}
