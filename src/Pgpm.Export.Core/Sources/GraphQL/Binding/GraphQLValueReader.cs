using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// Turns a GraphQL JSON value, read where it lies in the answer's bytes, back into the canonical PostgreSQL text the
/// SQL source produces, so both sources write the same bytes: offsets to UTC, interval objects to interval text,
/// upper-cased enums to labels, base64 to hex, lists to array literals, JSON to compact text. Rows and sql_actions
/// are read alike. A string without escapes or a number whose text is the value is kept as its bytes
/// (<see cref="PgValue.FromUtf8"/>); a value that is a JSON document of its own (a json column, an interval, hstore or
/// range object) is parsed from its bytes for the renderer that takes it.
/// </summary>
internal static class GraphQLValueReader
{
    /// <param name="table">The column's table, named in the error when the value cannot be carried.</param>
    /// <exception cref="ExportException">GraphQLValueInvalid: the value is not of the column's shape, or the server
    /// cannot carry it exactly.</exception>
    public static PgValue Read(GraphQLColumn column, in JsonToken value, TableRef? table = null)
    {
        if (value.IsNull)
        {
            // A server parses json, so JSON null and SQL NULL both arrive as null; a NOT NULL column can only hold the former.
            return column.NonNull && column.Kind is PgTypeKind.Jsonb or PgTypeKind.Json && column.ListDepth == 0
                ? new PgValue(column.Kind, "null")
                : PgValue.Null(column.Kind);
        }
        try
        {
            if (column.ListDepth > 0)
                return new PgValue(PgTypeKind.Array, ArrayLiteral.Format(GraphQLListValue.Elements(column, value, column.ListDepth)));
            if (column.Shape == GraphQLValueShape.Scalar && column.Kind is not (PgTypeKind.Jsonb or PgTypeKind.Json or PgTypeKind.Boolean))
            {
                // The common values: their bytes are their text, so no string is made of them.
                if (value.Type == JsonTokenType.String && !value.Escaped)
                    return PgValue.FromUtf8(column.Kind, value.Body, value.StringStart, value.StringLength);
                if (value.Type == JsonTokenType.Number && column.Kind != PgTypeKind.Float)
                    return PgValue.FromUtf8(column.Kind, value.Body, value.Start, value.Length);
            }
            var (kind, text) = Scalar(column, value, column.Kind);
            return text is null ? PgValue.Null(kind) : new PgValue(kind, text);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException)
        {
            var shown = Shorten(value.ToNode()!.ToJsonString());
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLValueInvalid,
                $"The value of {(table is null ? "" : $"{table}.{column.Column}, field ")}{column.Field} ({shown}) cannot be "
                    + $"exported as a {column.Shape} value: {e.Message}",
                e
            );
        }
    }

    /// <summary>A value that is not a list, or an element of one: its kind and text (null for a NULL range).</summary>
    /// <param name="valueKind">The column's kind, or its elements' for a list.</param>
    internal static (PgTypeKind Kind, string? Text) Scalar(GraphQLColumn column, in JsonToken value, PgTypeKind valueKind)
    {
        switch (column.Shape)
        {
            case GraphQLValueShape.Datetime or GraphQLValueShape.Time or GraphQLValueShape.Base64 or GraphQLValueShape.Enum:
                return GraphQLStringValue.Read(column, value.String());
            case GraphQLValueShape.Interval:
                return (PgTypeKind.Interval, GraphQLObjectValue.Interval(value.ToNode()!));
            case GraphQLValueShape.JsonText:
                // v4 re-serialises the value it parsed, so it is read like a JSON value.
                return (valueKind, JsonText.Compact(JsonNode.Parse(value.String())));
            case GraphQLValueShape.Hstore:
                return (PgTypeKind.Text, HstoreText.Format(value.ToNode()!));
            case GraphQLValueShape.Range:
                return (PgTypeKind.Text, GraphQLObjectValue.Range(column, value.ToNode()!));
            case GraphQLValueShape.Unknown:
                return value.Type == JsonTokenType.String
                    ? (PgTypeKind.Text, value.Text())
                    : (PgTypeKind.Jsonb, JsonText.Compact(value.ToNode()!));
            default:
                return valueKind switch
                {
                    // JSON re-written without insignificant white space; keys and numbers as the server sent them.
                    PgTypeKind.Jsonb or PgTypeKind.Json => (valueKind, JsonText.Compact(value.ToNode()!)),
                    PgTypeKind.Boolean => (valueKind, value.Boolean() ? "true" : "false"),
                    PgTypeKind.Float when value.Type == JsonTokenType.Number => (valueKind, FloatText.FromJsonNumber(value.Text())),
                    // Numbers keep the digits the server sent; an object or list where a scalar belongs is not guessed at.
                    _ when value.Type is JsonTokenType.StartObject or JsonTokenType.StartArray => throw new FormatException(
                        $"a {KindOf(value)} where a {valueKind} value belongs"
                    ),
                    _ => (valueKind, value.Text()),
                };
        }
    }

    private static JsonValueKind KindOf(in JsonToken value) =>
        value.Type == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
