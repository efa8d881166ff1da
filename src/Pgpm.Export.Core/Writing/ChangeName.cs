using System.Text.RegularExpressions;

namespace Pgpm.Export.Writing;

/// <summary>
/// The rule a change name must follow before it becomes a path under deploy/, revert/ and verify/:
/// relative segments of <c>[A-Za-z0-9_.-]+</c> joined by <c>/</c>, no <c>.</c> or <c>..</c> segment.
/// That rules out absolute paths, backslashes, spaces and line breaks, so a name can neither escape the
/// package nor add lines to the plan. On top, pgpm's own rule for a change name (<see cref="PlanDependency.SqitchNameProblem"/>):
/// it neither starts nor ends with '.' or '-', and does not end in '/' and digits, which pgpm's plan parser rejects.
/// </summary>
public static partial class ChangeName
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Segments();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageName();

    /// <summary>Null when <paramref name="name"/> is a valid change name, otherwise why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "it is empty";
        if (name.Contains('\\'))
            return "it contains a backslash";
        if (name.StartsWith('/'))
            return "it is an absolute path";
        if (!Segments().IsMatch(name))
            return "it must be path segments of letters, digits, '_', '.' and '-' separated by '/'";
        if (name.Split('/').Any(s => s is "." or ".."))
            return "it has a '.' or '..' segment";
        var pgpm = PlanDependency.SqitchNameProblem(name);
        return pgpm is null ? null : pgpm + " (pgpm's plan parser refuses it)";
    }

    /// <summary>Null when <paramref name="name"/> can be a package directory name, otherwise why not.</summary>
    public static string? PackageProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "it is empty";
        if (!PackageName().IsMatch(name))
            return "it may hold only letters, digits, '_', '.' and '-'";
        if (name is "." or "..")
            return "it is '.' or '..'";
        return null;
    }
}
