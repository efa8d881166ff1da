using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// A piped object's properties, looked up as PowerShell names them (ignoring case), each read back as its
/// column's canonical value; a missing column or a value the column cannot take rejects the object.
/// </summary>
internal sealed class RowProperties(RowInput input, TableRef table)
{
    private readonly Dictionary<string, object?> _values = input.Properties.ToDictionary(
        p => p.Key,
        p => p.Value,
        StringComparer.OrdinalIgnoreCase
    );

    public PgValue Read(ColumnInfo column)
    {
        if (!_values.TryGetValue(column.Name, out var value))
            throw PipedRowReader.Reject(
                input,
                ErrorId.RowColumnMissing,
                $"is a row of {table} without the column '{column.Name}'; "
                    + "every column is needed to write it (did Select-Object leave it out?)"
            );
        var (converted, problem) = RowValues.FromObject(column, value);
        return problem is null
            ? converted
            : throw PipedRowReader.Reject(input, ErrorId.RowValueInvalid, $"is a row of {table} where {problem}");
    }
}
