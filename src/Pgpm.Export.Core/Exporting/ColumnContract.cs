using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Exporting;

/// <summary>
/// The column contract (spec "Manifest"), applied to the tables as the source describes them before
/// any row is read: a table of the schema version the source does not show is skipped at verbose level when the source
/// shows the whole schema (the database lacks it), and otherwise reported as hidden (a warning listed in the result,
/// or a stop with <see cref="ExportOptions.FailOnHiddenTables"/>). A column of the version the source will not give
/// stops the export, naming every such <c>schema.table.column</c> and why, unless <see cref="ExportOptions.AllowMissingColumns"/>:
/// then each is a warning listed in the result. A field that is not certainly a column is a warning and is not written.
/// </summary>
internal static class ColumnContract
{
    public static void Check(ExportContext context, IReadOnlyList<(TableRef Table, ManifestTable? Entry, TableShape? Shape)> tables)
    {
        var hiddenTables = new List<ExportOmission>();
        var columns = new List<ExportOmission>();
        foreach (var (table, entry, shape) in tables)
        {
            if (shape is null)
            {
                if (entry is not null && !context.Source.ShowsWholeSchema)
                    hiddenTables.Add(
                        new ExportOmission(
                            table,
                            null,
                            $"{context.Manifest.Describe()} has this table but {context.Source.Description} does not expose it "
                                + "(hidden by the server: a smart tag, a grant or a plugin), so its rows cannot be exported"
                        )
                    );
                else
                    context.Log.Verbose($"Skipping {table}: {context.Source.Description} does not have it.");
                continue;
            }
            foreach (var field in shape.NotColumns)
                context.Log.Warning($"{table}: {field.Reason}.");
            columns.AddRange(shape.Unread.Select(u => new ExportOmission(table, u.Column, u.Reason)));
        }

        if (columns.Count > 0 && !context.Options.AllowMissingColumns)
            throw new ExportException(
                ExportErrorKind.Unavailable,
                ErrorId.ColumnsNotExported,
                $"{context.Source.Description} does not give {Counted.Of(columns.Count, "column")} of {context.Manifest.Describe()}, "
                    + "so the export would lose their values: "
                    + string.Join("; ", columns)
                    + $". Nothing was written. Make the server expose them, or pass {OptionName.AllowMissingColumns} "
                    + "to export without them (each is then a warning and listed in the summary)."
            );
        if (hiddenTables.Count > 0 && context.Options.FailOnHiddenTables)
            throw new ExportException(
                ExportErrorKind.Unavailable,
                ErrorId.TablesHidden,
                $"{context.Source.Description} does not expose {Counted.Of(hiddenTables.Count, "table")} of {context.Manifest.Describe()}: "
                    + string.Join("; ", hiddenTables.Select(t => t.Name))
                    + $". Nothing was written ({OptionName.FailOnHiddenTables})."
            );

        foreach (var omission in hiddenTables.Concat(columns))
        {
            context.Log.Warning($"Not exported: {omission}.");
            context.Omissions.Add(omission);
        }
    }
}
