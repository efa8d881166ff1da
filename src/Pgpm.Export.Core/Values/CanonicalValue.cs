using Pgpm.Export.Model;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Values;

/// <summary>
/// PostgreSQL's text output of a value (read with the session settings <see cref="Sources.Sql.SqlSessionSettings"/>
/// fixes) turned into the export's canonical form.
/// </summary>
public static class CanonicalValue
{
    public static PgValue FromPostgresText(PgTypeKind kind, string? text)
    {
        if (text is null)
            return PgValue.Null(kind);
        return kind switch
        {
            PgTypeKind.Jsonb => new PgValue(kind, JsonCompactor.Compact(text)),
            PgTypeKind.Timestamptz => new PgValue(kind, TimestampText.FromPostgres(text, withZone: true)),
            PgTypeKind.Timestamp => new PgValue(kind, TimestampText.FromPostgres(text, withZone: false)),
            _ => new PgValue(kind, text),
        };
    }

    /// <summary>
    /// <see cref="FromPostgresText"/> for a value read as COPY text: a kind whose PostgreSQL text already is the canonical
    /// form keeps the bytes (no string is made), the others are decoded and canonicalised as text.
    /// </summary>
    internal static PgValue FromCopy(PgTypeKind kind, CopyField copy) =>
        NeedsCanonicalising(kind) ? FromPostgresText(kind, copy.Decode()) : PgValue.FromCopy(kind, copy);

    private static bool NeedsCanonicalising(PgTypeKind kind) => kind is PgTypeKind.Jsonb or PgTypeKind.Timestamptz or PgTypeKind.Timestamp;
}
