using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;

namespace Pgpm.Export.Commands;

/// <summary>
/// Get-ExportTable: a database's rows of the chosen meta tables, in export order, each row written as
/// soon as its page arrives. Every column is read, so the rows can be piped back into Export-PgpmProject.
/// </summary>
public static class TableRowQuery
{
    public const int ProgressActivity = 2;

    public static async Task RunAsync(
        PgpmExportSource source,
        DatabaseChoice choice,
        IReadOnlyList<string>? names,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        var database = await choice.ResolveAsync(source, cancellationToken).ConfigureAwait(false);
        var databaseId = database.Id;
        var log = new CommandLog(output);
        var activity = $"Reading the meta tables of {database.Name}";
        var manifest = await SchemaVersionResolver.ResolveAsync(source.Inner, null, null, log, cancellationToken).ConfigureAwait(false);
        var all = await TableOrder.ForExportAsync(source.Inner, manifest, log, cancellationToken).ConfigureAwait(false);
        var tables = TableSelection.Select(all, names, output);
        var explicitNames = (names ?? []).Select(n => new NamePattern(n)).Where(p => !p.HasWildcards).ToList();
        foreach (var (table, entry) in tables)
        {
            var shape = await source.Inner.DescribeTableAsync(table, entry, cancellationToken).ConfigureAwait(false);
            if (shape is null)
            {
                if (explicitNames.Any(p => TableSelection.Matches(p, table)))
                    output.WriteError(
                        new CommandError(
                            ErrorId.TableNotExposed,
                            ExportErrorKind.NotFound,
                            $"{source.Description} does not expose {table}.",
                            table.ToString()
                        )
                    );
                else
                    log.Verbose($"Skipping {table}: {source.Description} does not expose it.");
                continue;
            }

            RowTypeName.CheckColumns(table, shape.Columns);
            foreach (var unread in shape.Unread)
                log.Warning($"{table}.{unread.Column} is not read: {unread.Reason}.");
            foreach (var field in shape.NotColumns)
                log.Warning($"{table}: {field.Reason}.");

            long rows = 0;
            output.WriteProgress(new ProgressUpdate(ProgressActivity, activity, $"{table}"));
            await foreach (var row in source.Inner.ReadRowsAsync(shape, databaseId, cancellationToken).ConfigureAwait(false))
            {
                var values = row.Pairs().Select(p => new KeyValuePair<string, object?>(p.Key, RowValues.ToObject(p.Value))).ToList();
                await output.WriteObjectAsync(new RowRecord(table, values), cancellationToken).ConfigureAwait(false);
                if (++rows % 100 == 0)
                    output.WriteProgress(new ProgressUpdate(ProgressActivity, activity, $"{table}: {Counted.Of(rows, "row")}"));
            }
            log.Verbose($"{table}: {Counted.Of(rows, "row")}.");
        }
        output.WriteProgress(new ProgressUpdate(ProgressActivity, activity, "Done", Completed: true));
    }
}
