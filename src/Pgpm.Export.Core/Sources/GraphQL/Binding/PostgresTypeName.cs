using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Schema;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// The PostgreSQL type of a column the API shows without a manifest to name it, as near as the GraphQL type tells:
/// <c>Int</c> is integer and <c>BigInt</c> bigint, a domain or enum is its GraphQL name turned back by the naming rules.
/// </summary>
internal static class PostgresTypeName
{
    public static string Of(GraphQLColumn column)
    {
        var element = column.ListDepth > 0 ? column.ValueKind : column.Kind;
        var name = column.Shape switch
        {
            GraphQLValueShape.Hstore => "hstore",
            GraphQLValueShape.Time => "time",
            GraphQLValueShape.Datetime when element == PgTypeKind.Timestamp => "timestamp",
            GraphQLValueShape.Datetime => "timestamptz",
            GraphQLValueShape.Range or GraphQLValueShape.Unknown or GraphQLValueShape.Enum => GraphQLNames.SnakeCase(column.GraphQLType),
            _ => element switch
            {
                PgTypeKind.Boolean => "boolean",
                PgTypeKind.Integer => column.GraphQLType == "Int" ? "integer" : "bigint",
                PgTypeKind.Numeric => "numeric",
                PgTypeKind.Float => "double precision",
                PgTypeKind.Uuid => "uuid",
                PgTypeKind.Json => "json",
                PgTypeKind.Jsonb => "jsonb",
                PgTypeKind.Interval => "interval",
                PgTypeKind.Date => "date",
                PgTypeKind.Bytea => "bytea",
                _ => "text",
            },
        };
        return name + string.Concat(Enumerable.Repeat("[]", column.ListDepth));
    }
}
