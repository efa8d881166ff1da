using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Supplied;

/// <summary>
/// Rows a caller hands in (PowerShell's pipeline) instead of letting the export read them: meta table rows
/// under each table's full shape, and sql_actions rows. Kept in memory, in the order given.
/// </summary>
public sealed class SuppliedRows
{
    private readonly Dictionary<TableRef, List<ExportRow>> _rows = new();
    private readonly List<SqlAction> _sqlActions = [];

    public IReadOnlyCollection<TableRef> Tables => _rows.Keys;
    public IReadOnlyList<SqlAction> SqlActions => _sqlActions;
    public int Count => _rows.Values.Sum(r => r.Count) + _sqlActions.Count;

    public void Add(ExportRow row)
    {
        if (!_rows.TryGetValue(row.Table, out var rows))
            _rows[row.Table] = rows = [];
        rows.Add(row);
    }

    public void Add(SqlAction action) => _sqlActions.Add(action);

    public IReadOnlyList<ExportRow> RowsOf(TableRef table) => _rows.TryGetValue(table, out var rows) ? rows : [];
}
