using System.Text;
using System.Text.Json.Nodes;

namespace Pgpm.Export.Values;

/// <summary>
/// hstore's output text (<c>"a"=>"1", "b c"=>NULL</c>) of the JSON object PostGraphile's <c>KeyValueHash</c> sends:
/// pairs in hstore's own order (shorter key first, then bytewise; hstore.c comparePairs), every key and value
/// double-quoted with <c>"</c> and <c>\</c> escaped, NULL values bare, pairs joined by <c>, </c> (hstore_out).
/// </summary>
public static class HstoreText
{
    /// <exception cref="FormatException">The value is not an object of strings and nulls.</exception>
    public static string Format(JsonNode value)
    {
        if (value is not JsonObject pairs)
            throw new FormatException("an hstore must arrive as a JSON object");
        var sb = new StringBuilder();
        foreach (var (key, item) in pairs.OrderBy(p => Encoding.UTF8.GetByteCount(p.Key)).ThenBy(p => p.Key, Utf8Order.Instance))
        {
            if (sb.Length > 0)
                sb.Append(", ");
            Quote(sb, key).Append("=>");
            if (item is null)
                sb.Append("NULL");
            else
                Quote(sb, item.GetValue<string>());
        }
        return sb.ToString();
    }

    private static StringBuilder Quote(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"');
    }
}
