using Pgpm.Export.Model;

namespace Pgpm.Export.Values;

/// <summary>
/// PostgreSQL's text output of a value (read with the session settings <see cref="Sources.Sql.SqlSessionSettings"/>
/// fixes) turned into the export's canonical form.
/// </summary>
public static class CanonicalValue
{
    public static PgValue FromPostgresText(PgTypeKind kind, string? text)
    {
        if (text is null) return PgValue.Null(kind);
        return kind switch
        {
            PgTypeKind.Jsonb => new PgValue(kind, JsonCompactor.Compact(text)),
            PgTypeKind.Timestamptz => new PgValue(kind, TimestampText.FromPostgres(text, withZone: true)),
            PgTypeKind.Timestamp => new PgValue(kind, TimestampText.FromPostgres(text, withZone: false)),
            _ => new PgValue(kind, text),
        };
    }
}
