using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>Maps a (domain-resolved) PostgreSQL base type to the way its values render.</summary>
internal static class PgTypeClassifier
{
    /// <param name="category">pg_type.typcategory of the base type.</param>
    /// <param name="typeName">pg_type.typname of the base type.</param>
    public static PgTypeKind Classify(char category, string typeName) =>
        category switch
        {
            'A' => PgTypeKind.Array,
            'B' => PgTypeKind.Boolean,
            'E' => PgTypeKind.Enum,
            'T' => PgTypeKind.Interval,
            'N' => typeName switch
            {
                "int2" or "int4" or "int8" or "oid" => PgTypeKind.Integer,
                "float4" or "float8" => PgTypeKind.Float,
                _ => PgTypeKind.Numeric,
            },
            'D' => typeName switch
            {
                "timestamptz" => PgTypeKind.Timestamptz,
                "timestamp" => PgTypeKind.Timestamp,
                "date" => PgTypeKind.Date,
                _ => PgTypeKind.Text,
            },
            _ => typeName switch
            {
                "uuid" => PgTypeKind.Uuid,
                "json" => PgTypeKind.Json,
                "jsonb" => PgTypeKind.Jsonb,
                "bytea" => PgTypeKind.Bytea,
                _ => PgTypeKind.Text,
            },
        };
}
