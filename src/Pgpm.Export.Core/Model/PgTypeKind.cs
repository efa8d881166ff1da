namespace Pgpm.Export.Model;

/// <summary>
/// How a column's values are rendered. Domains resolve to their base type's kind, so the
/// jsonb domain <c>image</c> renders as jsonb and the text domain <c>url</c> as text.
/// </summary>
public enum PgTypeKind
{
    Text,
    Boolean,
    Integer,
    Numeric,
    Float,
    Uuid,
    Enum,
    Json,
    Jsonb,
    Array,
    Interval,
    Timestamptz,
    Timestamp,
    Date,
    Bytea,
}
