namespace Pgpm.Export.Model;

/// <summary>A column (or column-like field) of a table that an export does not read, and why.</summary>
/// <param name="Column">The column name, or the field name where no column is known.</param>
/// <param name="Reason">Why, as a phrase: "hidden by the server", "its GraphQL type Foo cannot be carried".</param>
public sealed record UnreadColumn(string Column, string Reason);
