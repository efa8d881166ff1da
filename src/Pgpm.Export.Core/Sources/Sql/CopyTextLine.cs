using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// One row of PostgreSQL's COPY text format as <c>COPY … TO STDOUT</c> writes it (PostgreSQL docs, "COPY", File
/// Formats, Text Format): fields separated by a tab, <c>\N</c> for NULL, and in a value a backslash before itself and
/// before the control characters it stands for (<c>\b \f \n \r \t \v</c>). COPY TO writes no other escape, so any
/// other is refused rather than guessed at. The row ends at a raw newline, which a value can therefore never hold.
/// Rows are split as the UTF-8 bytes they arrived as (client_encoding UTF8): a value keeps its bytes
/// (<see cref="CopyField"/>) and becomes a string only if it is read as one.
/// </summary>
internal static class CopyTextLine
{
    /// <summary>
    /// Fills <paramref name="values"/> with the row's values of the given kinds (<see cref="CanonicalValue.FromCopy"/>);
    /// the row is <paramref name="length"/> bytes of <paramref name="bytes"/> from <paramref name="start"/>, without its
    /// newline, and must stay unchanged while the values live. Throws <see cref="FormatException"/> when the row has
    /// another number of fields, an escape COPY TO does not write, or bytes that are not UTF-8.
    /// </summary>
    public static void Split(byte[] bytes, int start, int length, ReadOnlySpan<PgTypeKind> kinds, Span<PgValue> values)
    {
        var line = new ReadOnlySpan<byte>(bytes, start, length);
        if (!System.Text.Unicode.Utf8.IsValid(line))
            throw new FormatException("A COPY row is not valid UTF-8.");
        var offset = 0;
        for (var field = 0; field < kinds.Length; field++)
        {
            var rest = line[offset..];
            // One search finds the field's end or its first escape (most fields have none).
            var stop = rest.IndexOfAny((byte)'\t', (byte)'\\');
            var escaped = stop >= 0 && rest[stop] == (byte)'\\';
            var tab = stop;
            if (escaped)
            {
                var after = rest[stop..].IndexOf((byte)'\t');
                tab = after < 0 ? -1 : stop + after;
            }
            var last = field == kinds.Length - 1;
            if (last != (tab < 0))
                throw new FormatException(
                    $"A COPY row has {(tab < 0 ? field + 1 : "more than " + kinds.Length)} fields where {kinds.Length} were asked for."
                );
            var text = last ? rest : rest[..tab];
            values[field] = text is [(byte)'\\', (byte)'N']
                ? PgValue.Null(kinds[field])
                : CanonicalValue.FromCopy(
                    kinds[field],
                    new CopyField(bytes, start + offset, text.Length, escaped ? EscapesOf(text) : CopyField.Escapes.None)
                );
            offset += text.Length + 1;
        }
    }

    /// <summary>
    /// The character an escape's letter stands for (<paramref name="letter"/> follows the backslash); throws for one COPY TO does
    /// not write.
    /// </summary>
    public static byte Unescaped(byte letter) =>
        letter switch
        {
            (byte)'\\' => (byte)'\\',
            (byte)'b' => (byte)'\b',
            (byte)'f' => (byte)'\f',
            (byte)'n' => (byte)'\n',
            (byte)'r' => (byte)'\r',
            (byte)'t' => (byte)'\t',
            (byte)'v' => (byte)'\v',
            _ => throw new FormatException(
                $"A COPY value holds the escape \\{(letter < 0x80 ? ((char)letter).ToString() : $"(byte 0x{letter:X2})")}, "
                    + "which COPY TO does not write."
            ),
        };

    private static CopyField.Escapes EscapesOf(ReadOnlySpan<byte> text)
    {
        var escape = text.IndexOf((byte)'\\');
        if (escape < 0)
            return CopyField.Escapes.None;
        var found = CopyField.Escapes.Some;
        while (escape >= 0)
        {
            if (escape + 1 >= text.Length)
                throw new FormatException("A COPY value ends with a lone backslash.");
            var letter = text[escape + 1];
            Unescaped(letter);
            if (letter == (byte)'\\')
                found |= CopyField.Escapes.Backslash;
            else if (letter == (byte)'n')
                found |= CopyField.Escapes.LineBreak;
            text = text[(escape + 2)..];
            escape = text.IndexOf((byte)'\\');
        }
        return found;
    }
}
