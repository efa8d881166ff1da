using System.Text;

namespace Pgpm.Export.Rendering;

/// <summary>String literals: <c>'…'</c> with <c>'</c> doubled; with a backslash, <c>E'…'</c> with backslashes doubled too.</summary>
public static class SqlLiteral
{
    public static string Quote(string value) => AppendQuoted(new StringBuilder(value.Length + 3), value).ToString();

    /// <summary>Appends <see cref="Quote"/>'s text without making it a string first (one row renders many literals).</summary>
    public static StringBuilder AppendQuoted(StringBuilder sb, string value)
    {
        var backslash = value.Contains('\\');
        if (backslash) sb.Append('E');
        sb.Append('\'');
        var rest = value.AsSpan();
        while (true)
        {
            var at = backslash ? rest.IndexOfAny('\'', '\\') : rest.IndexOf('\'');
            if (at < 0) break;
            sb.Append(rest[..(at + 1)]).Append(rest[at]);
            rest = rest[(at + 1)..];
        }
        return sb.Append(rest).Append('\'');
    }
}
