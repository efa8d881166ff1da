namespace Pgpm.Export.Model;

/// <summary>
/// Something of the chosen schema version an export did not write because the source would not give it: a table a
/// GraphQL API does not expose, or a column it hides or cannot carry. Only exports that allow it get here; each is
/// also a warning (spec "Manifest").
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column, or null when the whole table is left out.</param>
/// <param name="Reason">Why, as a phrase.</param>
public sealed record ExportOmission(TableRef Table, string? Column, string Reason)
{
    /// <summary><c>schema.table.column</c>, or <c>schema.table</c> for a whole table.</summary>
    public string Name => Column is null ? Table.ToString() : $"{Table}.{Column}";

    public override string ToString() => $"{Name}: {Reason}";
}
