using System.Text;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// One row of PostgreSQL's COPY text format as <c>COPY … TO STDOUT</c> writes it (PostgreSQL docs, "COPY", File
/// Formats, Text Format): fields separated by a tab, <c>\N</c> for NULL, and in a value a backslash before itself and
/// before the control characters it stands for (<c>\b \f \n \r \t \v</c>). COPY TO writes no other escape, so any
/// other is refused rather than guessed at. The row ends at a raw newline, which a value can therefore never hold.
/// </summary>
internal static class CopyTextLine
{
    /// <summary>Fills <paramref name="fields"/> with the row's values (null for NULL); throws <see cref="FormatException"/> when the row has another number of fields.</summary>
    public static void Decode(string line, string?[] fields)
    {
        var start = 0;
        for (var field = 0; field < fields.Length; field++)
        {
            var tab = line.IndexOf('\t', start);
            var last = field == fields.Length - 1;
            if (last != (tab < 0))
                throw new FormatException($"A COPY row has {(tab < 0 ? field + 1 : "more than " + fields.Length)} fields where {fields.Length} were asked for.");
            var end = last ? line.Length : tab;
            fields[field] = Field(line, start, end);
            start = end + 1;
        }
    }

    private static string? Field(string line, int start, int end)
    {
        var text = line.AsSpan(start, end - start);
        if (text is @"\N") return null;
        var escape = text.IndexOf('\\');
        if (escape < 0) return end - start == line.Length ? line : new string(text);
        var sb = new StringBuilder(text.Length);
        while (escape >= 0)
        {
            sb.Append(text[..escape]);
            if (escape + 1 >= text.Length) throw new FormatException("A COPY value ends with a lone backslash.");
            sb.Append(text[escape + 1] switch
            {
                '\\' => '\\',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'v' => '\v',
                var other => throw new FormatException($"A COPY value holds the escape \\{other}, which COPY TO does not write."),
            });
            text = text[(escape + 2)..];
            escape = text.IndexOf('\\');
        }
        return sb.Append(text).ToString();
    }
}
