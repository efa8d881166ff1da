using System.Text;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Rendering;

/// <summary>String literals: <c>'…'</c> with <c>'</c> doubled; with a backslash, <c>E'…'</c> with backslashes doubled too.</summary>
public static class SqlLiteral
{
    public static string Quote(string value) => AppendQuoted(new StringBuilder(value.Length + 3), value).ToString();

    /// <summary>Appends <see cref="Quote"/>'s text without making it a string first (one row renders many literals).</summary>
    public static StringBuilder AppendQuoted(StringBuilder sb, string value)
    {
        var backslash = value.Contains('\\');
        if (backslash)
            sb.Append('E');
        sb.Append('\'');
        var rest = value.AsSpan();
        while (true)
        {
            var at = backslash ? rest.IndexOfAny('\'', '\\') : rest.IndexOf('\'');
            if (at < 0)
                break;
            sb.Append(rest[..(at + 1)]).Append(rest[at]);
            rest = rest[(at + 1)..];
        }
        return sb.Append(rest).Append('\'');
    }

    /// <summary>
    /// <see cref="AppendQuoted"/> over UTF-8: <paramref name="value"/> is the value's bytes, or with
    /// <paramref name="copyEscapes"/> its bytes as COPY's text format escapes them (<see cref="CopyTextLine"/>), which are
    /// decoded as they are copied. <paramref name="backslash"/> says whether the value (decoded) holds a backslash.
    /// </summary>
    internal static void AppendQuotedUtf8(Utf8Buffer into, ReadOnlySpan<byte> value, bool backslash, bool copyEscapes)
    {
        into.Write(backslash ? "E'"u8 : "'"u8);
        while (true)
        {
            var at = backslash || copyEscapes ? value.IndexOfAny((byte)'\'', (byte)'\\') : value.IndexOf((byte)'\'');
            if (at < 0)
                break;
            into.Write(value[..at]);
            if (value[at] == (byte)'\'')
            {
                into.Write("''"u8);
                value = value[(at + 1)..];
            }
            else if (!copyEscapes)
            {
                into.Write(@"\\"u8);
                value = value[(at + 1)..];
            }
            else
            {
                var decoded = CopyTextLine.Unescaped(value[at + 1]);
                if (decoded == (byte)'\\')
                    into.Write(@"\\"u8);
                else
                    into.Write(decoded);
                value = value[(at + 2)..];
            }
        }
        into.Write(value);
        into.Write("'"u8);
    }
}
