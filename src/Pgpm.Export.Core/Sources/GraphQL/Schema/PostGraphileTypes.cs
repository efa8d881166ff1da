using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionFreeSchema;
using static Pgpm.Export.Sources.GraphQL.Schema.IntrospectionSchema;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// The GraphQL types PostGraphile gives PostgreSQL types, as introspection would show them: the scalars, the Interval
/// object and the range objects with their bounds. With them a schema found by probes reads like an introspected one.
/// </summary>
internal static class PostGraphileTypes
{
    /// <summary>
    /// An element type the manifest names but does not resolve (an array of a domain): PostGraphile gives a domain its own
    /// scalar, read as introspection would read an unknown scalar (a string as text, JSON as jsonb; GraphQLValueShape.Unknown).
    /// </summary>
    public static TypeRef DomainScalar(Dictionary<string, TypeInfo> types, string element)
    {
        var name = "Domain " + element;
        types[name] = new TypeInfo("SCALAR", name, [], [], []);
        return Named("SCALAR", name);
    }

    /// <summary>The GraphQL scalar PostGraphile gives a column of this manifest type (domains have their base type's kind).</summary>
    public static string ScalarType(ManifestColumn column, PostGraphileNaming naming) =>
        column.Kind switch
        {
            PgTypeKind.Uuid => "UUID",
            PgTypeKind.Boolean => "Boolean",
            PgTypeKind.Integer => column.Type == "bigint" ? "BigInt" : "Int",
            PgTypeKind.Numeric => "BigFloat",
            PgTypeKind.Float => "Float",
            PgTypeKind.Json or PgTypeKind.Jsonb => "JSON",
            PgTypeKind.Date => "Date",
            PgTypeKind.Timestamptz or PgTypeKind.Timestamp => "Datetime",
            PgTypeKind.Bytea => ElementType("bytea", naming)!,
            PgTypeKind.Interval => "Interval",
            _ => ElementType(column.Type, naming) ?? "String",
        };

    /// <summary>The GraphQL type of a value of a PostgreSQL type named as <c>format_type</c> prints it; null when not known.</summary>
    public static string? ElementType(string type, PostGraphileNaming naming) =>
        type switch
        {
            "uuid" => "UUID",
            "text" or "citext" or "name" or "\"char\"" => "String",
            _ when type.StartsWith("character", StringComparison.Ordinal) => "String",
            "integer" or "smallint" => "Int",
            "bigint" => "BigInt",
            _ when type.StartsWith("numeric", StringComparison.Ordinal) => "BigFloat",
            "real" or "double precision" => "Float",
            "boolean" => "Boolean",
            "json" or "jsonb" => "JSON",
            "date" => "Date",
            _ when type.StartsWith("timestamp", StringComparison.Ordinal) => "Datetime",
            _ when type.StartsWith("time without", StringComparison.Ordinal) || type == "time" => "Time",
            "interval" => "Interval",
            // v4 sends bytea as PostgreSQL's hex text in a String.
            "bytea" => naming == PostGraphileNaming.V4 ? "String" : "Base64EncodedBinary",
            "hstore" => "KeyValueHash",
            "int4range" or "int8range" or "numrange" or "tsrange" or "tstzrange" or "daterange" => "Range",
            _ => null,
        };

    public static string KindOf(string type) => type is "Interval" or "Range" ? "OBJECT" : "SCALAR";

    public static string RangeTypeName(string range) =>
        range switch
        {
            "int4range" => "IntRange",
            "int8range" => "BigIntRange",
            "numrange" => "BigFloatRange",
            "daterange" => "DateRange",
            _ => "DatetimeRange",
        };

    public static void AddObjectTypes(Dictionary<string, TypeInfo> types, string kind, string element)
    {
        if (kind == "Interval")
        {
            var parts = NodeColumns.IntervalParts.Select(p => new Field(p, [], Named("SCALAR", "Float"))).ToList();
            types["Interval"] = new TypeInfo("OBJECT", "Interval", parts, [], []);
            return;
        }
        var range = RangeTypeName(element);
        var bound = range[..^"Range".Length];
        Field[] boundFields =
        [
            new Field("value", [], NonNull(Named("SCALAR", bound))),
            new Field("inclusive", [], NonNull(Named("SCALAR", "Boolean"))),
        ];
        types[range + "Bound"] = new TypeInfo("OBJECT", range + "Bound", boundFields, [], []);
        Field[] rangeFields =
        [
            new Field("start", [], Named("OBJECT", range + "Bound")),
            new Field("end", [], Named("OBJECT", range + "Bound")),
        ];
        types[range] = new TypeInfo("OBJECT", range, rangeFields, [], []);
    }

    /// <summary>The scalars PostGraphile v4 and v5 both name so; v4's JSON as text is told apart by its description
    /// (NodeColumns.IsJsonAsText).</summary>
    public static void AddScalars(Dictionary<string, TypeInfo> types, bool jsonAsText)
    {
        foreach (
            var name in new[]
            {
                "UUID",
                "String",
                "Int",
                "BigInt",
                "BigFloat",
                "Float",
                "Boolean",
                "Date",
                "Time",
                "Datetime",
                "Base64EncodedBinary",
                "KeyValueHash",
                "ID",
                "Cursor",
            }
        )
            types[name] = new TypeInfo("SCALAR", name, [], [], []);
        types["JSON"] = new TypeInfo(
            "SCALAR",
            "JSON",
            [],
            [],
            [],
            jsonAsText
                ? "A JavaScript object encoded in the JSON format as specified by [ECMA-404] (PostGraphile v4 without "
                    + "dynamicJson, found by a probe)."
                : null
        );
        types["PageInfo"] = new TypeInfo(
            "OBJECT",
            "PageInfo",
            [new Field("hasNextPage", [], Named("SCALAR", "Boolean")), new Field("endCursor", [], Named("SCALAR", "Cursor"))],
            [],
            []
        );
    }
}
