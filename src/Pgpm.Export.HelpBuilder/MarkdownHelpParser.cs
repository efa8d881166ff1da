using System.Text;

namespace Pgpm.Export.HelpBuilder;

/// <summary>
/// Reads platyPS's markdown schema 2.0.0: front matter, <c>#</c> cmdlet name, <c>##</c> sections, <c>###</c>
/// entries (syntax sets, examples, parameters, input and output types) and each parameter's yaml block.
/// Anything it cannot place is an error naming the file and line, so a malformed page never builds.
/// </summary>
public static class MarkdownHelpParser
{
    public static CmdletHelp Parse(string markdown, string file)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = SkipFrontMatter(lines, file);
        var name = lines.Skip(start).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? throw new FormatException($"{file}: no '# Verb-Noun' heading.");
        var sections = Sections(lines, start, file);

        string Section(string heading) =>
            sections.TryGetValue(heading, out var body) ? Text(body) : throw new FormatException($"{file}: no '## {heading}' section.");
        List<(string Heading, List<string> Body)> Entries(string heading) =>
            sections.TryGetValue(heading, out var body)
                ? SubSections(body)
                : throw new FormatException($"{file}: no '## {heading}' section.");

        return new CmdletHelp(
            name,
            Section("SYNOPSIS"),
            Entries("SYNTAX").Select(e => Syntax(e.Heading, e.Body, file)).ToList(),
            Section("DESCRIPTION"),
            Entries("EXAMPLES").Select(e => Example(e.Heading, e.Body, file)).ToList(),
            Entries("PARAMETERS").Where(e => e.Heading != "CommonParameters").Select(e => Parameter(e.Heading, e.Body, file)).ToList(),
            Entries("INPUTS").Select(e => new TypeHelp(e.Heading, Text(e.Body))).ToList(),
            Entries("OUTPUTS").Select(e => new TypeHelp(e.Heading, Text(e.Body))).ToList(),
            sections.TryGetValue("NOTES", out var notes) ? Text(notes) : "",
            sections.TryGetValue("RELATED LINKS", out var links) ? links.Select(l => l.Trim()).Where(l => l.Length > 0).ToList() : []
        );
    }

    private static int SkipFrontMatter(string[] lines, string file)
    {
        if (lines.Length == 0 || lines[0] != "---")
            return 0;
        for (var i = 1; i < lines.Length; i++)
            if (lines[i] == "---")
                return i + 1;
        throw new FormatException($"{file}: the front matter is not closed with '---'.");
    }

    private static Dictionary<string, List<string>> Sections(string[] lines, int start, string file)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var inCode = false;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
                inCode = !inCode;
            if (!inCode && line.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = line[3..].Trim();
                if (!sections.TryAdd(heading, current = []))
                    throw new FormatException($"{file}:{i + 1}: the section '## {heading}' appears twice.");
                continue;
            }
            current?.Add(line);
        }
        return sections;
    }

    private static List<(string Heading, List<string> Body)> SubSections(List<string> body)
    {
        var entries = new List<(string, List<string>)>();
        var inCode = false;
        foreach (var line in body)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
                inCode = !inCode;
            if (!inCode && line.StartsWith("### ", StringComparison.Ordinal))
            {
                entries.Add((line[4..].Trim(), []));
                continue;
            }
            if (entries.Count > 0)
                entries[^1].Item2.Add(line);
        }
        return entries;
    }

    private static SyntaxSet Syntax(string heading, List<string> body, string file)
    {
        var isDefault = heading.EndsWith("(Default)", StringComparison.Ordinal);
        var name = isDefault ? heading[..^"(Default)".Length].Trim() : heading;
        var (code, _) = SplitCode(body, file, heading);
        return new SyntaxSet(name, isDefault, string.Join(" ", code.Split('\n').Select(l => l.Trim())).Trim());
    }

    private static HelpExample Example(string heading, List<string> body, string file)
    {
        var (code, rest) = SplitCode(body, file, heading);
        return new HelpExample(heading, code, rest);
    }

    private static ParameterHelp Parameter(string heading, List<string> body, string file)
    {
        if (!heading.StartsWith('-'))
            throw new FormatException($"{file}: the parameter heading '### {heading}' does not start with '-'.");
        var (yaml, description) = SplitCode(body, file, heading);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in yaml.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        string Field(string key) =>
            fields.TryGetValue(key, out var value)
                ? value
                : throw new FormatException($"{file}: the parameter {heading} has no '{key}:' line.");
        static List<string> List(string value) =>
            value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return new ParameterHelp(
            heading[1..],
            description,
            Field("Type"),
            List(Field("Parameter Sets")),
            List(Field("Aliases")),
            bool.Parse(Field("Required")),
            Field("Position"),
            Field("Default value"),
            Field("Accept pipeline input"),
            bool.Parse(Field("Accept wildcard characters"))
        );
    }

    /// <summary>The first fenced code block's content, and the text outside it.</summary>
    private static (string Code, string Text) SplitCode(List<string> body, string file, string heading)
    {
        var open = body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
        var close = open < 0 ? -1 : body.FindIndex(open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        if (open < 0 || close < 0)
            throw new FormatException($"{file}: '### {heading}' has no fenced code block.");
        var code = string.Join("\n", body.Skip(open + 1).Take(close - open - 1));
        var text = Text(body.Take(open).Concat(body.Skip(close + 1)).ToList());
        return (code, text);
    }

    /// <summary>Paragraph text: lines joined, blank lines kept as paragraph breaks, surrounding blanks dropped.</summary>
    internal static string Text(List<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
            sb.Append(line.TrimEnd()).Append('\n');
        return sb.ToString().Trim('\n', ' ');
    }
}
