namespace Pgpm.Export.Model;

/// <summary>
/// Something of the chosen schema version an export did not write because the source would not give it: a table a
/// GraphQL API does not expose, or a column it hides or cannot carry. Only exports that allow it get here; each is
/// also a warning (spec "Manifest"). PowerShell users meet it in a package summary's <c>Omissions</c>: a class, not a
/// record, so Get-Member shows only these properties (see <see cref="DatabaseInfo"/>).
/// </summary>
/// <param name="table">The table.</param>
/// <param name="column">The column, or null when the whole table is left out.</param>
/// <param name="reason">Why, as a phrase.</param>
public sealed class ExportOmission(TableRef table, string? column, string reason)
{
    public TableRef Table { get; } = table;

    public string? Column { get; } = column;

    public string Reason { get; } = reason;

    /// <summary><c>schema.table.column</c>, or <c>schema.table</c> for a whole table.</summary>
    public string Name => Column is null ? Table.ToString() : $"{Table}.{Column}";

    public override string ToString() => $"{Name}: {Reason}";
}
