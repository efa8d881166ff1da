using System.Text;

namespace Pgpm.Export.HelpBuilder;

/// <summary>
/// An about_ topic from markdown to the plain text Get-Help shows: headings in capitals, code kept, the
/// markdown marks that read badly as text taken off.
/// </summary>
public static class AboutTopicWriter
{
    public static string Render(string markdown)
    {
        var sb = new StringBuilder();
        var inCode = false;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = lines.Length > 0 && lines[0] == "---" ? Array.IndexOf(lines, "---", 1) + 1 : 0;
        foreach (var line in lines.Skip(start))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }
            if (inCode)
                sb.Append("    ").Append(line);
            else if (line.StartsWith('#'))
                sb.Append(line.TrimStart('#').Trim().ToUpperInvariant());
            else
                sb.Append(line.Replace("`", "").Replace("**", ""));
            sb.Append('\n');
        }
        return sb.ToString().Trim('\n') + "\n";
    }
}
