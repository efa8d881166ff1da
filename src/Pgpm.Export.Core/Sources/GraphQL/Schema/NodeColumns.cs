using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// The columns of a node type as introspection shows them (<see cref="Of"/>): which fields are columns, under which names, and
/// how each value is read (scalars, enums, intervals, ranges, JSON as text).
/// </summary>
internal static class NodeColumns
{
    private static readonly Dictionary<string, (PgTypeKind Kind, GraphQLValueShape Shape)> Scalars = new(StringComparer.Ordinal)
    {
        ["UUID"] = (PgTypeKind.Uuid, GraphQLValueShape.Scalar),
        ["String"] = (PgTypeKind.Text, GraphQLValueShape.Scalar),
        ["Int"] = (PgTypeKind.Integer, GraphQLValueShape.Scalar),
        ["BigInt"] = (PgTypeKind.Integer, GraphQLValueShape.Scalar),
        ["BigFloat"] = (PgTypeKind.Numeric, GraphQLValueShape.Scalar),
        ["Float"] = (PgTypeKind.Float, GraphQLValueShape.Scalar),
        ["Boolean"] = (PgTypeKind.Boolean, GraphQLValueShape.Scalar),
        ["JSON"] = (PgTypeKind.Jsonb, GraphQLValueShape.Scalar),
        ["Date"] = (PgTypeKind.Date, GraphQLValueShape.Scalar),
        ["Time"] = (PgTypeKind.Text, GraphQLValueShape.Time),
        ["Datetime"] = (PgTypeKind.Timestamptz, GraphQLValueShape.Datetime),
        ["Base64EncodedBinary"] = (PgTypeKind.Bytea, GraphQLValueShape.Base64),
    };

    internal static readonly string[] IntervalParts = ["years", "months", "days", "hours", "minutes", "seconds"];

    /// <summary>
    /// A node type's columns: the integer key as <c>id</c> (the <c>rowId</c> field when <c>id</c> is a Relay node id),
    /// every other scalar, enum or interval field under its snake_case name; relations, node ids and fields with
    /// arguments are not columns. Scalar fields of a type the exporter cannot read go to <paramref name="unreadable"/> (field, type).
    /// </summary>
    internal static IReadOnlyList<GraphQLColumn> Of(
        IntrospectionSchema schema,
        IntrospectionSchema.TypeInfo node,
        List<(string Field, string Type)>? unreadable = null
    )
    {
        var hasRelayId = node.FindField("id") is { } id && id.Type.Named.Name == "ID";
        var keyField = hasRelayId && node.FindField("rowId") is not null ? "rowId" : "id";
        var columns = new List<GraphQLColumn>();
        // PostGraphile v4 (its Relay id is the root field nodeId) sends ranges faithfully; v5 blurs some (see GraphQLColumn.RangesAsV5).
        var rangesAsV5 = schema.QueryType.FindField("nodeId") is null;
        foreach (var field in node.Fields)
        {
            if (field.Args.Count > 0)
                continue;
            var named = field.Type.Named;
            if (named.Name is "ID" or "Cursor" or null)
                continue;
            var columnName = field.Name == keyField ? "id" : GraphQLNames.SnakeCase(field.Name);
            var type = schema.Find(named.Name);
            var bound = type is { Kind: "OBJECT" } ? RangeBoundValue(schema, type) : null;
            (PgTypeKind Kind, GraphQLValueShape Shape, string Selection)? read = type?.Kind switch
            {
                "SCALAR" when named.Name == "JSON" && IsJsonAsText(type) => (PgTypeKind.Jsonb, GraphQLValueShape.JsonText, field.Name),
                "SCALAR" when named.Name == "KeyValueHash" => (PgTypeKind.Text, GraphQLValueShape.Hstore, field.Name),
                "OBJECT" when bound is not null => (
                    PgTypeKind.Text,
                    GraphQLValueShape.Range,
                    field.Name + " { start { value inclusive } end { value inclusive } }"
                ),
                "SCALAR" when Scalars.TryGetValue(named.Name, out var known) => (known.Kind, known.Shape, field.Name),
                "SCALAR" => (PgTypeKind.Text, GraphQLValueShape.Unknown, field.Name),
                "ENUM" => (PgTypeKind.Enum, GraphQLValueShape.Enum, field.Name),
                "OBJECT" when IntervalParts.All(p => type.FindField(p) is not null) => (
                    PgTypeKind.Interval,
                    GraphQLValueShape.Interval,
                    field.Name + " { " + string.Join(" ", IntervalParts) + " }"
                ),
                _ => null,
            };
            if (read is not { } r)
            {
                // Objects other than intervals and ranges are relations (or computed columns returning rows), never columns of this table.
                if (type?.Kind is not "OBJECT" and not "INTERFACE" and not "UNION")
                    unreadable?.Add((field.Name, named.Name));
                continue;
            }
            var depth = field.Type.ListDepth;
            var boundShape = bound?.Name == "Datetime" ? GraphQLValueShape.Datetime : GraphQLValueShape.Scalar;
            // Enum values are mapped back to labels per export, against the chosen manifest (GraphQLColumnContract).
            columns.Add(
                new GraphQLColumn(
                    columnName,
                    field.Name,
                    depth > 0 ? PgTypeKind.Array : r.Kind,
                    r.Shape,
                    depth,
                    null,
                    r.Selection,
                    NonNull: field.Type.Kind == "NON_NULL",
                    ValueKind: r.Kind,
                    BoundShape: boundShape,
                    RangesAsV5: bound is not null && rangesAsV5,
                    InfinityAsNull: bound?.Name is "Datetime" or "Date" && rangesAsV5
                )
                {
                    GraphQLType = named.Name,
                    EnumValues = r.Shape == GraphQLValueShape.Enum ? type!.EnumValues : [],
                    EnumValuesFromRules = schema.NamesFromRules,
                }
            );
        }
        return columns;
    }

    /// <summary>A range type (<c>{ start { value inclusive } end { value inclusive } }</c>, PostGraphile v4 and v5):
    /// its bound's value type.</summary>
    private static IntrospectionSchema.TypeRef? RangeBoundValue(IntrospectionSchema schema, IntrospectionSchema.TypeInfo type)
    {
        if (type.Fields.Count != 2 || type.FindField("start") is not { } start || type.FindField("end") is not { } end)
            return null;
        if (start.Type.Named.Name != end.Type.Named.Name || schema.Find(start.Type.Named.Name) is not { } boundType)
            return null;
        if (boundType.FindField("inclusive") is null || boundType.FindField("value") is not { } value)
            return null;
        return schema.Find(value.Type.Named.Name) is { Kind: "SCALAR" } ? value.Type.Named : null;
    }

    /// <summary>
    /// PostGraphile v4 without <c>dynamicJson</c> sends JSON as a string of JSON text; its JSON scalar then has this
    /// description (graphile-build-pg 4.x PgTypesPlugin, SimpleJSON), unlike the dynamic scalar of v4 and v5.
    /// </summary>
    internal static bool IsJsonAsText(IntrospectionSchema.TypeInfo type) =>
        type.Description?.StartsWith("A JavaScript object encoded in the JSON format", StringComparison.Ordinal) == true;
}
