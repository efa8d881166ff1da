using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// Turns a GraphQL JSON value back into the canonical PostgreSQL text the SQL source produces, so both
/// sources write the same bytes: offsets to UTC, interval objects to interval text, upper-cased enums to
/// labels, base64 to hex, lists to array literals, JSON to compact text.
/// </summary>
public static class GraphQLValueNormalizer
{
    /// <param name="table">The column's table, named in the error when the value cannot be carried.</param>
    /// <exception cref="ExportException">GraphQLValueInvalid: the value is not of the column's shape, or the server cannot carry it exactly.</exception>
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
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLValueInvalid",
                $"The value of {(table is null ? "" : $"{table}.{column.Column}, field ")}{column.Field} ({Shorten(value.ToJsonString())}) cannot be exported as a {column.Shape} value: {e.Message}", e);
        }
    }

    /// <summary>
    /// <see cref="Normalize(GraphQLColumn, JsonNode?, TableRef?)"/> for a value still in the answer's bytes. The common
    /// values are read without a tree: a string without escapes or a number whose text is the value is kept as its
    /// bytes (<see cref="PgValue.FromUtf8"/>); a timestamp, enum, time or bytea string is read as a string. Everything
    /// else, and any value those readings refuse, is parsed into a tree and read as above, so that results and errors
    /// are the tree's exactly.
    /// </summary>
    /// <exception cref="ExportException">GraphQLValueInvalid, as the tree's reading.</exception>
    internal static PgValue Normalize(GraphQLColumn column, in JsonToken value, TableRef? table = null)
    {
        if (!value.IsNull && column.ListDepth == 1)
        {
            try
            {
                if (column.Shape == GraphQLValueShape.Scalar && column.ValueKind is not (PgTypeKind.Jsonb or PgTypeKind.Json) && ScalarList(column, value) is { } list)
                    return new PgValue(PgTypeKind.Array, list);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException)
            {
                // Read again as a tree below, which names the error as it always has.
            }
        }
        else if (!value.IsNull && column.ListDepth == 0)
        {
            try
            {
                switch (column.Shape)
                {
                    case GraphQLValueShape.Scalar when column.Kind is not (PgTypeKind.Jsonb or PgTypeKind.Json):
                        switch (value.Type)
                        {
                            case JsonTokenType.True or JsonTokenType.False:
                                return new PgValue(column.Kind, value.Type == JsonTokenType.True ? "true" : "false");
                            case JsonTokenType.String when column.Kind != PgTypeKind.Boolean:
                                return value.Escaped
                                    ? new PgValue(column.Kind, value.Text())
                                    : PgValue.FromUtf8(column.Kind, value.Body, value.StringStart, value.StringLength);
                            case JsonTokenType.Number when column.Kind == PgTypeKind.Float:
                                return new PgValue(column.Kind, FloatText.FromJsonNumber(value.Text()));
                            case JsonTokenType.Number when column.Kind != PgTypeKind.Boolean:
                                return PgValue.FromUtf8(column.Kind, value.Body, value.Start, value.Length);
                        }
                        break;
                    case GraphQLValueShape.Datetime or GraphQLValueShape.Time or GraphQLValueShape.Base64 or GraphQLValueShape.Enum when value.Type == JsonTokenType.String:
                        var (kind, text) = FromString(column, value.Text());
                        return new PgValue(kind, text);
                }
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException)
            {
                // Read again as a tree below, which names the error as it always has.
            }
        }
        return Normalize(column, value.ToNode(), table);
    }

    /// <summary>A one-dimensional list of plain scalars as <see cref="ElementText"/> reads it, or null for anything else.</summary>
    private static string? ScalarList(GraphQLColumn column, in JsonToken value)
    {
        if (value.Type != JsonTokenType.StartArray) return null;
        var reader = new Utf8JsonReader(value.Json);
        reader.Read();
        var elements = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    elements.Add(null);
                    break;
                // array_out prints booleans as t/f, whatever the element type says.
                case JsonTokenType.True or JsonTokenType.False:
                    elements.Add(reader.TokenType == JsonTokenType.True ? "t" : "f");
                    break;
                case JsonTokenType.String when column.ValueKind != PgTypeKind.Boolean:
                    elements.Add(reader.GetString());
                    break;
                case JsonTokenType.Number when column.ValueKind != PgTypeKind.Boolean:
                    var number = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                    elements.Add(column.ValueKind == PgTypeKind.Float ? FloatText.FromJsonNumber(number) : number);
                    break;
                default:
                    return null;
            }
        }
        return ArrayLiteral.Format(elements);
    }

    private static IEnumerable<object?> Elements(GraphQLColumn column, JsonNode list, int depth)
    {
        foreach (var item in list.AsArray())
        {
            if (item is null) yield return null;
            else if (depth > 1) yield return Elements(column, item, depth - 1).ToList();
            else yield return ElementText(column, item);
        }
    }

    /// <summary>An element as array_out prints it, which is PostgreSQL's own text of the element type, not the export's scalar form.</summary>
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
                return FromString(column, value.GetValue<string>());
            case GraphQLValueShape.Interval:
                return (PgTypeKind.Interval, IntervalText.Format(Whole(value["years"]), Whole(value["months"]), Whole(value["days"]),
                    Whole(value["hours"]), Whole(value["minutes"]), value["seconds"]?.GetValue<double>() ?? 0));
            case GraphQLValueShape.JsonText:
                // v4 re-serialises the value it parsed, so it is read like a JSON value.
                return (valueKind, JsonText.Compact(JsonNode.Parse(value.GetValue<string>())));
            case GraphQLValueShape.Hstore:
                return (PgTypeKind.Text, HstoreText.Format(value));
            case GraphQLValueShape.Range:
                return (PgTypeKind.Text, Range(column, value)!);
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
                    PgTypeKind.Float when value is JsonValue f && f.GetValueKind() == JsonValueKind.Number => (valueKind, FloatText.FromJsonNumber(f.ToJsonString())),
                    _ when value is JsonValue v && v.GetValueKind() == JsonValueKind.String => (valueKind, v.GetValue<string>()),
                    _ when value is JsonValue => (valueKind, value.ToJsonString()),
                    // Numbers keep the digits the server sent; an object or list where a scalar belongs is not guessed at.
                    _ => throw new FormatException($"a {value.GetValueKind()} where a {valueKind} value belongs"),
                };
        }
    }

    /// <summary>The value of a column whose shape GraphQL sends as a string: a timestamp, a time, base64 or an enum value.</summary>
    private static (PgTypeKind Kind, string Text) FromString(GraphQLColumn column, string text)
    {
        switch (column.Shape)
        {
            case GraphQLValueShape.Datetime:
                return Datetime(text);
            case GraphQLValueShape.Time:
                return (PgTypeKind.Text, TimeText(text));
            case GraphQLValueShape.Base64:
                return (PgTypeKind.Bytea, "\\x" + Convert.ToHexString(Convert.FromBase64String(text)).ToLowerInvariant());
            case GraphQLValueShape.Enum:
                if (column.EnumLabels is null) return (PgTypeKind.Enum, text);
                return column.EnumLabels.TryGetValue(text, out var real)
                    ? (PgTypeKind.Enum, real)
                    : throw new FormatException($"the enum value {text} of {column.Field} is none of the values the API declared ({string.Join(", ", column.EnumLabels.Keys)})");
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Shape, "not a shape sent as a string");
        }
    }

    /// <summary>
    /// The range's text from its bounds, or null for NULL. PostGraphile v4 sends <c>empty</c> and <c>(,)</c> alike, so
    /// that value stops the export. v5 sends NULL like those two and it is taken as NULL (documented in docs/graphql.md);
    /// v5 also sends an infinite date or time bound like a missing one, so a missing bound of such a range stops the export.
    /// </summary>
    private static string? Range(GraphQLColumn column, JsonNode value)
    {
        var start = value["start"];
        var end = value["end"];
        if (start is null && end is null)
        {
            if (column.RangesAsV5) return null;
            throw new FormatException("the API shows an empty range and the unbounded range (,) alike, so which one this is cannot be known");
        }
        if (column.InfinityAsNull && (start is null || end is null))
            throw new FormatException("this server shows an infinite bound and a missing one alike, so which one this is cannot be known");
        return RangeText.Format(Bound(column, start), start?["inclusive"]?.GetValue<bool>() == true, Bound(column, end), end?["inclusive"]?.GetValue<bool>() == true);
    }

    private static string? Bound(GraphQLColumn column, JsonNode? bound)
    {
        if (bound is null) return null;
        return bound["value"] switch
        {
            JsonValue v when column.BoundShape == GraphQLValueShape.Datetime => IsoTimestamp.ToPostgres(v.GetValue<string>()).Text,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            var other => throw new FormatException($"a range bound whose value is {other?.GetValueKind().ToString() ?? "missing"}"),
        };
    }

    private static (PgTypeKind, string) Datetime(string text)
    {
        var (postgres, withZone) = IsoTimestamp.ToPostgres(text);
        if (postgres is "infinity" or "-infinity") return (PgTypeKind.Timestamptz, postgres);
        return (withZone ? PgTypeKind.Timestamptz : PgTypeKind.Timestamp, TimestampText.FromPostgres(postgres, withZone));
    }

    /// <summary><c>00:00:00.000000</c> as PostgreSQL prints it: <c>00:00:00</c>; <c>12:00:00.500000</c>: <c>12:00:00.5</c>.</summary>
    private static string TimeText(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var fraction = text[(dot + 1)..end].TrimEnd('0');
        return text[..dot] + (fraction.Length > 0 ? "." + fraction : "") + text[end..];
    }

    private static long Whole(JsonNode? node) => node is null ? 0 : (long)node.GetValue<double>();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
