using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Turns a GraphQL JSON value back into the canonical PostgreSQL text the SQL source produces, so both
/// sources write the same bytes: offsets to UTC, interval objects to interval text, upper-cased enums to
/// labels, base64 to hex, lists to array literals, JSON to compact text.
/// </summary>
public static class GraphQLValueNormalizer
{
    public static PgValue Normalize(GraphQLColumn column, JsonNode? value)
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
            var (kind, text) = Scalar(column, value);
            return new PgValue(kind, text);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException)
        {
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLValueInvalid",
                $"The value of {column.Field} ({Shorten(value.ToJsonString())}) is not a valid {column.Shape} value: {e.Message}", e);
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

    private static string ElementText(GraphQLColumn column, JsonNode item)
    {
        // array_out prints booleans as t/f, unlike the text cast of a single boolean.
        if (item is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return v.GetValue<bool>() ? "t" : "f";
        return Scalar(column, item).Text;
    }

    private static (PgTypeKind Kind, string Text) Scalar(GraphQLColumn column, JsonNode value)
    {
        switch (column.Shape)
        {
            case GraphQLValueShape.Datetime:
                return Datetime(value.GetValue<string>());
            case GraphQLValueShape.Time:
                return (PgTypeKind.Text, TimeText(value.GetValue<string>()));
            case GraphQLValueShape.Base64:
                return (PgTypeKind.Bytea, "\\x" + Convert.ToHexString(Convert.FromBase64String(value.GetValue<string>())).ToLowerInvariant());
            case GraphQLValueShape.Enum:
                var label = value.GetValue<string>();
                return (PgTypeKind.Enum, column.UpperCasedEnum ? label.ToLowerInvariant() : label);
            case GraphQLValueShape.Interval:
                return (PgTypeKind.Interval, IntervalText.Format(Whole(value["years"]), Whole(value["months"]), Whole(value["days"]),
                    Whole(value["hours"]), Whole(value["minutes"]), value["seconds"]?.GetValue<double>() ?? 0));
            case GraphQLValueShape.JsonText:
                // PostgreSQL's own JSON text, compacted as the SQL source compacts jsonb.
                return (column.Kind, JsonCompactor.Compact(value.GetValue<string>()));
            case GraphQLValueShape.Unknown:
                return value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                    ? (PgTypeKind.Text, scalar.GetValue<string>())
                    : (PgTypeKind.Jsonb, JsonText.Compact(value));
            default:
                return column.Kind switch
                {
                    // JSON re-written without insignificant white space; keys and numbers as the server sent them.
                    PgTypeKind.Jsonb or PgTypeKind.Json => (column.Kind, JsonText.Compact(value)),
                    PgTypeKind.Boolean => (column.Kind, value.GetValue<bool>() ? "true" : "false"),
                    PgTypeKind.Float when value is JsonValue f && f.GetValueKind() == JsonValueKind.Number => (column.Kind, FloatText.FromJsonNumber(f.ToJsonString())),
                    _ when value is JsonValue v && v.GetValueKind() == JsonValueKind.String => (column.Kind, v.GetValue<string>()),
                    // Numbers keep the digits the server sent.
                    _ => (column.Kind, value.ToJsonString()),
                };
        }
    }

    private static (PgTypeKind, string) Datetime(string text)
    {
        if (text is "infinity" or "-infinity") return (PgTypeKind.Timestamptz, text);
        var t = text.IndexOf('T') is var at and >= 0 ? at : text.IndexOf(' ');
        if (t < 0) throw new FormatException($"'{text}' is not an ISO 8601 date and time.");
        var zone = text.EndsWith('Z') ? text.Length - 1 : text.IndexOfAny(['+', '-'], t);
        var local = text[..(zone < 0 ? text.Length : zone)].Replace('T', ' ');
        if (zone < 0) return (PgTypeKind.Timestamp, TimestampText.FromPostgres(local, withZone: false));
        // Offsets may carry seconds (historic local mean time, e.g. -04:56:02), which DateTimeOffset cannot parse.
        var offset = text.EndsWith('Z') ? TimeSpan.Zero : ParseOffset(text[zone..]);
        var localTime = DateTime.ParseExact(local, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return (PgTypeKind.Timestamptz, TimestampText.FromDateTimeOffset(new DateTimeOffset(DateTime.SpecifyKind(localTime - offset, DateTimeKind.Unspecified), TimeSpan.Zero)));
    }

    private static TimeSpan ParseOffset(string offset)
    {
        var sign = offset[0] == '-' ? -1 : 1;
        var parts = offset[1..].Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var span = new TimeSpan(parts[0], parts.Length > 1 ? parts[1] : 0, parts.Length > 2 ? parts[2] : 0);
        return sign < 0 ? -span : span;
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
