using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Values;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// The oracle of <see cref="ConnectionPageTests"/>: the source's value rules as they were written for a value parsed
/// into a tree (the whole answer parsed at once), kept here unchanged so that the reading from the answer's bytes,
/// which the source now does alone, is held to the very values and errors the tree gave. The rules both readings
/// always shared (a string's timestamp, time, base64 or enum; an interval's or range's parts) are the source's own.
/// </summary>
internal static class TreeValueOracle
{
    /// <param name="table">The column's table, named in the error when the value cannot be carried.</param>
    /// <exception cref="ExportException">GraphQLValueInvalid: the value is not of the column's shape, or the server
    /// cannot carry it exactly.</exception>
    public static PgValue Normalize(GraphQLColumn column, JsonNode? value, TableRef? table = null)
    {
        if (value is null)
        {
            // A server parses json, so JSON null and SQL NULL both arrive as null; a NOT NULL column can only hold the former.
            return column.NonNull && column.Kind is PgTypeKind.Jsonb or PgTypeKind.Json && column.ListDepth == 0
                ? new PgValue(column.Kind, "null")
                : PgValue.Null(column.Kind);
        }
        try
        {
            if (column.ListDepth > 0)
                return new PgValue(PgTypeKind.Array, ArrayLiteral.Format(Elements(column, value, column.ListDepth)));
            var (kind, text) = Scalar(column, value, column.Kind);
            return text is null ? PgValue.Null(kind) : new PgValue(kind, text);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException)
        {
            throw new ExportException(
                ExportErrorKind.Protocol,
                "GraphQLValueInvalid",
                $"The value of {(table is null ? "" : $"{table}.{column.Column}, field ")}{column.Field} "
                    + $"({Shorten(value.ToJsonString())}) cannot be exported as a {column.Shape} value: {e.Message}",
                e
            );
        }
    }

    private static IEnumerable<object?> Elements(GraphQLColumn column, JsonNode list, int depth)
    {
        foreach (var item in list.AsArray())
        {
            if (item is null)
                yield return null;
            else if (depth > 1)
                yield return Elements(column, item, depth - 1).ToList();
            else
                yield return ElementText(column, item);
        }
    }

    /// <summary>An element as array_out prints it, which is PostgreSQL's own text of the element type, not the export's
    /// scalar form.</summary>
    private static string ElementText(GraphQLColumn column, JsonNode item)
    {
        // array_out prints booleans as t/f, unlike the text cast of a single boolean.
        if (item is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return v.GetValue<bool>() ? "t" : "f";
        return column.Shape switch
        {
            GraphQLValueShape.Datetime => IsoTimestamp.ToPostgres(item.GetValue<string>()).Text,
            // jsonb[] elements are printed by jsonb_out ({"a": 1}); json[] elements keep their own text, which the server has already lost.
            GraphQLValueShape.JsonText => JsonText.Jsonb(JsonNode.Parse(item.GetValue<string>())),
            GraphQLValueShape.Scalar when column.ValueKind is PgTypeKind.Jsonb or PgTypeKind.Json => JsonText.Jsonb(item),
            _ => Scalar(column, item, column.ValueKind).Text,
        };
    }

    private static (PgTypeKind Kind, string Text) Scalar(GraphQLColumn column, JsonNode value, PgTypeKind valueKind)
    {
        switch (column.Shape)
        {
            case GraphQLValueShape.Datetime or GraphQLValueShape.Time or GraphQLValueShape.Base64 or GraphQLValueShape.Enum:
                return GraphQLStringValue.Read(column, value.GetValue<string>());
            case GraphQLValueShape.Interval:
                return (PgTypeKind.Interval, GraphQLObjectValue.Interval(value));
            case GraphQLValueShape.JsonText:
                // v4 re-serialises the value it parsed, so it is read like a JSON value.
                return (valueKind, JsonText.Compact(JsonNode.Parse(value.GetValue<string>())));
            case GraphQLValueShape.Hstore:
                return (PgTypeKind.Text, HstoreText.Format(value));
            case GraphQLValueShape.Range:
                return (PgTypeKind.Text, GraphQLObjectValue.Range(column, value)!);
            case GraphQLValueShape.Unknown:
                return value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                    ? (PgTypeKind.Text, scalar.GetValue<string>())
                    : (PgTypeKind.Jsonb, JsonText.Compact(value));
            default:
                return valueKind switch
                {
                    // JSON re-written without insignificant white space; keys and numbers as the server sent them.
                    PgTypeKind.Jsonb or PgTypeKind.Json => (valueKind, JsonText.Compact(value)),
                    PgTypeKind.Boolean => (valueKind, value.GetValue<bool>() ? "true" : "false"),
                    PgTypeKind.Float when value is JsonValue f && f.GetValueKind() == JsonValueKind.Number => (
                        valueKind,
                        FloatText.FromJsonNumber(f.ToJsonString())
                    ),
                    _ when value is JsonValue v && v.GetValueKind() == JsonValueKind.String => (valueKind, v.GetValue<string>()),
                    _ when value is JsonValue => (valueKind, value.ToJsonString()),
                    // Numbers keep the digits the server sent; an object or list where a scalar belongs is not guessed at.
                    _ => throw new FormatException($"a {value.GetValueKind()} where a {valueKind} value belongs"),
                };
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
