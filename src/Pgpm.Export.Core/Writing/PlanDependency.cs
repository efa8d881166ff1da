namespace Pgpm.Export.Writing;

/// <summary>
/// One dependency of a plan line as pgpm's plan parser reads it (<c>@pgpmjs/ast</c> 7.27: <c>parseReference</c>,
/// <c>isValidChangeName</c>, <c>isValidTagName</c>; the grammar of sqitch's plan): <c>change</c>,
/// <c>project:change</c>, <c>project:@tag</c> or <c>[project:]change@tag</c>. <see cref="Project"/> is null when
/// the dependency names no project (a change of the same plan).
/// </summary>
public sealed record PlanDependency(string? Project, string? Change, string? Tag)
{
    /// <summary>
    /// Reads <paramref name="text"/>; null with <paramref name="problem"/> saying why when pgpm could not read it
    /// back as one of the four forms: it would break the plan line (blank, whitespace, <c>[</c>, <c>]</c>, <c>#</c>,
    /// a backslash or another control character), its project is not <c>[A-Za-z0-9_-]+</c> (pgpm would not see a
    /// project), or its change or tag is not a valid sqitch name. Symbolic and relative references
    /// (<c>HEAD</c>, <c>ROOT</c>, <c>x^</c>, <c>x~2</c>) are refused too: they name a change by its position in a plan,
    /// which an export cannot promise to keep.
    /// </summary>
    public static PlanDependency? Parse(string text, out string? problem)
    {
        problem = LineProblem(text);
        if (problem is not null)
            return null;

        string? project = null;
        var rest = text;
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            project = text[..colon];
            rest = text[(colon + 1)..];
            if (project.Length == 0 || !project.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                problem = $"its project part '{project}' is not a pgpm project name (letters, digits, '_' and '-')";
                return null;
            }
            if (rest.Length == 0 || rest.Contains(':'))
            {
                problem = "after 'project:' it must name a change or a tag, once";
                return null;
            }
        }

        string? change = rest,
            tag = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            change = at == 0 ? null : rest[..at];
            tag = rest[(at + 1)..];
            var tagProblem = SqitchNameProblem(tag);
            if (tagProblem is null && tag.Contains('/'))
                tagProblem = "it contains '/'";
            if (tagProblem is null && tag is "HEAD" or "ROOT")
                tagProblem = "@HEAD and @ROOT are symbolic references";
            if (tagProblem is not null)
            {
                problem = $"its tag '{tag}' is not a valid tag name: {tagProblem}";
                return null;
            }
        }
        if (change is not null)
        {
            var changeProblem = SqitchNameProblem(change);
            if (changeProblem is null && change is "HEAD" or "ROOT")
                changeProblem = "HEAD and ROOT are symbolic references";
            if (changeProblem is not null)
            {
                problem = $"its change part '{change}' is not a change name: {changeProblem}";
                return null;
            }
        }
        return new PlanDependency(project, change, tag);
    }

    /// <summary>
    /// Null when <paramref name="name"/> is a change name as sqitch and pgpm define it, otherwise why not: no
    /// whitespace, none of <c>: @ # \</c>, first and last character not punctuation other than <c>_</c>, and not
    /// ending in <c>~</c>, <c>^</c>, <c>/</c>, <c>=</c> or <c>%</c> followed by digits (pgpm reads that as a relative reference).
    /// </summary>
    public static string? SqitchNameProblem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return "it contains whitespace or a control character";
            if (c is ':' or '@' or '#' or '\\')
                return $"it contains '{c}'";
        }
        if (IsPunctuation(name[0]))
            return $"it starts with '{name[0]}'";
        if (IsPunctuation(name[^1]))
            return $"it ends with '{name[^1]}'";
        var digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
            digits--;
        if (digits < name.Length && digits > 0 && name[digits - 1] is '~' or '^' or '/' or '=' or '%')
            return $"it ends in '{name[(digits - 1)..]}', which pgpm reads as a relative reference";
        return null;
    }

    private static bool IsPunctuation(char c) => c != '_' && c < 0x80 && char.IsAsciiLetterOrDigit(c) is false && c > ' ' && c != 0x7f;

    private static string? LineProblem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "it is blank";
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
                return "it contains a line break, which would end the plan line";
            if (c is '[' or ']' or '#')
                return $"it contains '{c}', which would break the plan line";
            if (c == '\\')
                return "it contains a backslash";
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return "it contains whitespace or a control character, which would split it in the plan line";
        }
        return null;
    }

    public override string ToString() => (Project is null ? "" : Project + ":") + Change + (Tag is null ? "" : "@" + Tag);
}
