using Pgpm.Export.Model;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// A row on its way to the pipeline: its table and its column values as PowerShell-friendly objects
/// (see <see cref="RowValues"/>), in the table's column order. The cmdlet turns it into a PSObject
/// with one note property per column and the type name <see cref="RowTypeName.For"/>.
/// </summary>
public sealed record RowRecord(TableRef Table, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public string TypeName => RowTypeName.For(Table);
}
