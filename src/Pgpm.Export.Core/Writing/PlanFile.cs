using System.Text;

namespace Pgpm.Export.Writing;

/// <summary>Renders pgpm.plan exactly as the spec states it.</summary>
public static class PlanFile
{
    /// <summary>The fixed stamp every line carries, so the same data gives the same bytes.</summary>
    public const string Timestamp = "2017-08-11T08:11:51Z";

    public static string Render(string project, IReadOnlyList<PlanChange> changes, PlanAuthor author) => string.Concat(Pieces(project, changes, author));

    /// <summary>
    /// <see cref="Render"/>'s text in pieces (the header, then one line each), for writing a plan of thousands of
    /// changes without holding it whole (10,000 sql_actions make a plan of about 3 MB as a string).
    /// </summary>
    public static IEnumerable<string> Pieces(string project, IReadOnlyList<PlanChange> changes, PlanAuthor author)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++) position.TryAdd(changes[i].Name, i);

        yield return "%syntax-version=1.0.0\n%project=" + project + "\n%uri=" + project + "\n\n";
        if (changes.Count == 0) yield return "\n";
        var line = new StringBuilder();
        foreach (var change in changes)
        {
            line.Clear().Append(change.Name);
            var deps = OrderDependencies(change.Dependencies, position);
            if (deps.Count > 0) line.Append(" [").AppendJoin(' ', deps).Append(']');
            line.Append(' ').Append(Timestamp).Append(' ').Append(author.Name).Append(" <").Append(author.Email).Append("> # add ").Append(OneLine(change.Note)).Append('\n');
            yield return line.ToString();
        }
    }

    /// <summary>Dependencies on changes of the same plan first, in plan order; then the others (<c>pkg:change</c>) in their given order.</summary>
    public static IReadOnlyList<string> OrderDependencies(IReadOnlyList<string> dependencies, IReadOnlyDictionary<string, int> planPosition)
    {
        var distinct = dependencies.Distinct(StringComparer.Ordinal).ToList();
        var inPlan = distinct.Where(planPosition.ContainsKey).OrderBy(d => planPosition[d]);
        var external = distinct.Where(d => !planPosition.ContainsKey(d));
        return inPlan.Concat(external).ToList();
    }

    private static string OneLine(string note) => note.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
