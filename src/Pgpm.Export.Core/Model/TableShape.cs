namespace Pgpm.Export.Model;

/// <summary>
/// A source table as an export reads it: its columns in ordinal order, the columns that order its
/// rows (the primary key), and the column that ties a row to a database.
/// </summary>
public sealed record TableShape(TableRef Table, IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<string> KeyColumns, string DatabaseColumn)
{
    /// <summary>Columns of the chosen schema version the source shows but cannot read, or does not show (a GraphQL API that hides them),
    /// with why.</summary>
    public IReadOnlyList<UnreadColumn> Unread { get; init; } = [];

    /// <summary>Fields the source shows that are not read because they are not certainly columns (a computed column), with why.</summary>
    public IReadOnlyList<UnreadColumn> NotColumns { get; init; } = [];

    public ColumnInfo? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name)
                return i;
        return -1;
    }

    /// <summary>The same table reading only the given columns, in this table's ordinal order.</summary>
    public TableShape WithColumns(Func<ColumnInfo, bool> keep) => this with { Columns = Columns.Where(keep).ToArray() };
}
