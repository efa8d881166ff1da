using System.Text;

namespace Pgpm.Export.Values;

/// <summary>
/// A range's output text (range_out): <c>[1,10)</c>, <c>(,5]</c>, <c>["2024-01-01 05:00:00+00","2024-02-01 00:00:00+00")</c>,
/// <c>empty</c>. A bound is double-quoted when it is empty or holds <c>" \ ( ) [ ] ,</c> or white space, with
/// <c>"</c> and <c>\</c> doubled inside (rangetypes.c range_bound_escape).
/// </summary>
public static class RangeText
{
    /// <param name="lower">The lower bound's text, null when unbounded.</param>
    /// <param name="upper">The upper bound's text, null when unbounded.</param>
    public static string Format(string? lower, bool lowerInclusive, string? upper, bool upperInclusive)
    {
        var sb = new StringBuilder();
        sb.Append(lower is not null && lowerInclusive ? '[' : '(');
        if (lower is not null)
            Bound(sb, lower);
        sb.Append(',');
        if (upper is not null)
            Bound(sb, upper);
        sb.Append(upper is not null && upperInclusive ? ']' : ')');
        return sb.ToString();
    }

    private static void Bound(StringBuilder sb, string text)
    {
        if (text.Length > 0 && !text.Any(c => c is '"' or '\\' or '(' or ')' or '[' or ']' or ',' || char.IsWhiteSpace(c)))
        {
            sb.Append(text);
            return;
        }
        sb.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                sb.Append(c);
            sb.Append(c);
        }
        sb.Append('"');
    }
}
