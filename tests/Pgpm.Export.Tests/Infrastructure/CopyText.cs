using System.Text;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Decodes PostgreSQL's COPY text format (what COPY … TO STDOUT prints) into rows of raw field values.</summary>
public static class CopyText
{
    public static List<string?[]> Decode(string copy)
    {
        var rows = new List<string?[]>();
        foreach (var line in copy.Split('\n'))
        {
            if (line.Length == 0)
                continue;
            rows.Add(line.Split('\t').Select(DecodeField).ToArray());
        }
        return rows;
    }

    private static string? DecodeField(string field)
    {
        if (field == "\\N")
            return null;
        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                sb.Append(field[i]);
                continue;
            }
            var next = field[++i];
            sb.Append(
                next switch
                {
                    'b' => '\b',
                    'f' => '\f',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\v',
                    _ => next,
                }
            );
        }
        return sb.ToString();
    }
}
