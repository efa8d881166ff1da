namespace Pgpm.Export.Model;

/// <summary>
/// A column value in the canonical text form of the export format (see the spec's value rules):
/// numbers with PostgreSQL's exact digits, timestamps in UTC ISO 8601, jsonb compact, arrays as
/// PostgreSQL array literals, intervals in IntervalStyle postgres, bytea as <c>\x</c> hex.
/// <see cref="Text"/> is null for SQL NULL. Both sources normalise to this form, so the renderer
/// never guesses a type from a string.
/// </summary>
public readonly record struct PgValue(PgTypeKind Kind, string? Text)
{
    public bool IsNull => Text is null;

    public static PgValue Null(PgTypeKind kind) => new(kind, null);

    public override string ToString() => Text ?? "NULL";
}
