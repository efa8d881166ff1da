using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Supplied;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// Turns objects piped into Export-PgpmProject back into rows: the table from the type name, every
/// column of the source's table from a property of the same name, the values back to canonical text.
/// Each object that cannot be used is reported on its own; the caller writes nothing if any was.
/// </summary>
internal sealed class PipedRowReader(IExportSource source, Guid databaseId, ICommandOutput output, Manifest.ExportManifest manifest)
{
    private readonly Dictionary<TableRef, TableShape?> _shapes = new();
    private readonly HashSet<(TableRef, string)> _keys = new();
    private readonly HashSet<TableRef> _warnedExtras = new();

    /// <summary>How many rejected objects get an error of their own; the rest are only counted (a wrong Import-Csv file would otherwise
    /// give one error per line).</summary>
    public const int ReportedRejections = 10;

    public int Rejected { get; private set; }

    public async Task<SuppliedRows> ReadAsync(IReadOnlyList<RowInput> inputs, CancellationToken cancellationToken)
    {
        var rows = new SuppliedRows();
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var table = RowTypeName.TableOf(input.TypeNames)
                    ?? RowTypeName.TableOf(input.Properties)
                    ?? throw Reject(
                        input,
                        ErrorId.RowTypeUnknown,
                        $"is {input.Description}, not a row from Get-ExportTable or Get-ExportSqlAction: "
                            + $"none of its type names is {RowTypeName.Prefix}<schema>.<table> "
                            + $"and it has no {RowTypeName.TableProperty} property"
                    );
                if (table == MetaSchemas.SqlActionsTable)
                    rows.Add(SqlActionInput.Read(input, databaseId));
                else
                    rows.Add(await ReadRowAsync(input, table, cancellationToken).ConfigureAwait(false));
            }
            catch (ExportException e) when (e.Kind == ExportErrorKind.InvalidData)
            {
                if (++Rejected <= ReportedRejections)
                    output.WriteError(CommandError.From(e, input.Original ?? input.Position));
            }
        }
        return rows;
    }

    private async Task<ExportRow> ReadRowAsync(RowInput input, TableRef table, CancellationToken cancellationToken)
    {
        if (!_shapes.TryGetValue(table, out var shape))
            _shapes[table] = shape = await source.DescribeTableAsync(table, manifest.Find(table), cancellationToken).ConfigureAwait(false);
        if (shape is null)
            throw Reject(input, ErrorId.RowTableUnknown, $"is a row of {table}, which {source.Description} does not have");

        var properties = new RowProperties(input, table);
        var row = new ExportRow(shape, shape.Columns.Select(properties.Read).ToArray());
        WarnAboutExtras(input, shape);

        if (row[shape.DatabaseColumn].Text != databaseId.ToString())
            throw Reject(
                input,
                ErrorId.RowOfOtherDatabase,
                $"is a row of {table} for the database {row[shape.DatabaseColumn].Text ?? "NULL"}, not {databaseId}, the one being exported"
            );
        var key = string.Join("\u0001", shape.KeyColumns.Select(k => row[k].Text ?? "\0"));
        if (!_keys.Add((table, key)))
            throw Reject(
                input,
                ErrorId.RowDuplicate,
                $"is a row of {table} that came before ({string.Join(", ", shape.KeyColumns.Select(k => $"{k} = {row[k]}"))}); "
                    + "each row can be written once"
            );
        return row;
    }

    private void WarnAboutExtras(RowInput input, TableShape shape)
    {
        var extras = input
            .Properties.Select(p => p.Key)
            .Where(name => !name.Equals(RowTypeName.TableProperty, StringComparison.OrdinalIgnoreCase))
            .Where(name => shape.Columns.All(c => !c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (extras.Count > 0 && _warnedExtras.Add(shape.Table))
            output.WriteWarning(
                $"Rows of {shape.Table} have properties that are not its columns ({string.Join(", ", extras)}); they are not written."
            );
    }

    internal static ExportException Reject(RowInput input, string errorId, string problem) =>
        new(ExportErrorKind.InvalidData, errorId, $"Pipeline input {input.Position} {problem}.");
}
