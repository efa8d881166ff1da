using System.Buffers;
using System.Text;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Turns a canonical value into its SQL text inside an INSERT tuple: NULL; booleans and integers as they are; numeric
/// and float as they are unless a bare token would not read back (NaN, ±Infinity, and a float's -0, which a bare -0
/// would make integer negation and lose the sign); everything else a string literal (<see cref="SqlLiteral"/>).
/// </summary>
public static class ValueRenderer
{
    public static string Render(PgValue value) => Append(new StringBuilder(), value).ToString();

    /// <summary>Appends <see cref="Render"/>'s text to <paramref name="sb"/> without making it a string first.</summary>
    public static StringBuilder Append(StringBuilder sb, PgValue value)
    {
        var text = value.Text;
        if (text is null)
            return sb.Append("NULL");
        return IsBare(value.Kind, text.AsSpan()) ? sb.Append(text) : SqlLiteral.AppendQuoted(sb, text);
    }

    /// <summary>
    /// Appends <see cref="Render"/>'s text as UTF-8 (strict: an unpaired surrogate throws, as the script's encoder did).
    /// A value read as COPY text (<see cref="PgValue.CopyField"/>) is copied from its bytes, its escapes decoded on the way.
    /// </summary>
    internal static void AppendUtf8(Utf8Buffer into, PgValue value)
    {
        var copy = value.CopyField;
        if (!copy.IsSet)
        {
            if (value.Text is not { } text)
            {
                into.Write("NULL"u8);
                return;
            }
            if (IsBare(value.Kind, text.AsSpan()))
            {
                into.Advance(Utf8.Strict.GetBytes(text, into.GetSpan(Utf8.Strict.GetMaxByteCount(text.Length))));
                return;
            }
            var bytes = ArrayPool<byte>.Shared.Rent(Utf8.Strict.GetMaxByteCount(text.Length));
            try
            {
                var length = Utf8.Strict.GetBytes(text, bytes);
                SqlLiteral.AppendQuotedUtf8(into, bytes.AsSpan(0, length), text.Contains('\\'), copyEscapes: false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
            return;
        }
        // PostgreSQL writes no backslash in a number; were one there, the decoded text is what would go out bare.
        if (copy.HasEscapes && IsBareKind(value.Kind))
            AppendUtf8(into, new PgValue(value.Kind, value.Text));
        else if (IsBare(value.Kind, copy.Span))
            into.Write(copy.Span);
        else
            SqlLiteral.AppendQuotedUtf8(into, copy.Span, copy.HasBackslash, copyEscapes: copy.HasEscapes);
    }

    private static bool IsBareKind(PgTypeKind kind) =>
        kind is PgTypeKind.Boolean or PgTypeKind.Integer or PgTypeKind.Numeric or PgTypeKind.Float;

    private static bool IsBare(PgTypeKind kind, ReadOnlySpan<char> text) => IsBareKind(kind) && !IsQuotedNumber(kind, text);

    private static bool IsBare(PgTypeKind kind, ReadOnlySpan<byte> text) => IsBareKind(kind) && !IsQuotedNumber(kind, text);

    private static bool IsQuotedNumber(PgTypeKind kind, ReadOnlySpan<char> text) =>
        kind switch
        {
            PgTypeKind.Numeric => text is "NaN" or "Infinity" or "-Infinity",
            PgTypeKind.Float => text is "NaN" or "Infinity" or "-Infinity" or "-0",
            _ => false,
        };

    private static bool IsQuotedNumber(PgTypeKind kind, ReadOnlySpan<byte> text) =>
        kind switch
        {
            PgTypeKind.Numeric => text.SequenceEqual("NaN"u8) || text.SequenceEqual("Infinity"u8) || text.SequenceEqual("-Infinity"u8),
            PgTypeKind.Float => text.SequenceEqual("NaN"u8)
                || text.SequenceEqual("Infinity"u8)
                || text.SequenceEqual("-Infinity"u8)
                || text.SequenceEqual("-0"u8),
            _ => false,
        };
}
