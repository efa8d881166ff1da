using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pgpm.Export.Values;

/// <summary>
/// Compact JSON text of a parsed value, escaping strings exactly as PostgreSQL's json output does
/// (<c>\" \\ \b \f \n \r \t</c>, other control characters as <c>\u00XX</c>, everything else as is), with keys
/// in the order given and numbers with the digits given.
/// </summary>
public static class JsonText
{
    /// <summary>
    /// Compact text, keys in the order given, except that an object with an array-index-like key (<c>"10"</c>) gets
    /// jsonb's key order: a JavaScript server moves such keys first, so the order it sends is not the database's.
    /// </summary>
    public static string Compact(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, jsonbStyle: false);
        return sb.ToString();
    }

    /// <summary>
    /// jsonb's own output (jsonb_out): <c>{"a": 1, "b": [1, 2]}</c>, keys shorter first then bytewise (jsonb's
    /// lengthCompareJsonbString), so a jsonb value parsed by a server is written back as PostgreSQL prints it.
    /// </summary>
    public static string Jsonb(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node, jsonbStyle: true);
        return sb.ToString();
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Members(JsonObject obj, bool jsonbOrder) =>
        jsonbOrder || obj.Any(m => IsIndexLike(m.Key))
            ? obj.OrderBy(m => Encoding.UTF8.GetByteCount(m.Key)).ThenBy(m => m.Key, Utf8Order.Instance)
            : obj;

    // ECMAScript orders integer-index keys (canonical numbers below 2^32 - 1) first, ascending.
    private static bool IsIndexLike(string key) =>
        key.Length is > 0 and <= 10
        && key.All(char.IsAsciiDigit)
        && (key == "0" || key[0] != '0')
        && ulong.Parse(key, CultureInfo.InvariantCulture) < uint.MaxValue;

    private static void Write(StringBuilder sb, JsonNode? node, bool jsonbStyle)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var firstMember = true;
                foreach (var (key, value) in Members(obj, jsonbStyle))
                {
                    if (!firstMember)
                        sb.Append(jsonbStyle ? ", " : ",");
                    firstMember = false;
                    WriteString(sb, key);
                    sb.Append(jsonbStyle ? ": " : ":");
                    Write(sb, value, jsonbStyle);
                }
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        sb.Append(jsonbStyle ? ", " : ",");
                    Write(sb, array[i], jsonbStyle);
                }
                sb.Append(']');
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            default:
                // Numbers, true and false: the text the source sent.
                sb.Append(node.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
