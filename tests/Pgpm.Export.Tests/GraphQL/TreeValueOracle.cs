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
/// which the source now does alone, is held to the very values and errors the tree gave.
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
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLValueInvalid",
                $"The value of {(table is null ? "" : $"{table}.{column.Column}, field ")}{column.Field} " +
                $"({Shorten(value.ToJsonString())}) cannot be exported as a {column.Shape} value: {e.Message}", e);
        }
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
                    PgTypeKind.Float when value is JsonValue f && f.GetValueKind() == JsonValueKind.Number => (valueKind,
                        FloatText.FromJsonNumber(f.ToJsonString())),
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
                    : throw new FormatException($"the enum value {text} of {column.Field} is none of the values the API declared " +
                        $"({string.Join(", ", column.EnumLabels.Keys)})");
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
            throw new FormatException("the API shows an empty range and the unbounded range (,) alike, so which one this is " +
                "cannot be known");
        }
        if (column.InfinityAsNull && (start is null || end is null))
            throw new FormatException("this server shows an infinite bound and a missing one alike, so which one this is cannot be known");
        return RangeText.Format(Bound(column, start), start?["inclusive"]?.GetValue<bool>() == true, Bound(column, end),
            end?["inclusive"]?.GetValue<bool>() == true);
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
