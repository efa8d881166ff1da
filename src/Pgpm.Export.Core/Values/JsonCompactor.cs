using System.Text;

namespace Pgpm.Export.Values;

/// <summary>
/// Removes insignificant whitespace from JSON text without parsing numbers or reordering keys,
/// so <c>4.0</c> stays <c>4.0</c> and digits beyond 2^53 survive.
/// </summary>
public static class JsonCompactor
{
    public static string Compact(string json)
    {
        var sb = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                    sb.Append(json[++i]);
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c is ' ' or '\t' or '\n' or '\r')
                continue;
            if (c == '"')
                inString = true;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
