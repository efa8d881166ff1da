using System.Text;

namespace Pgpm.Export.Writing;

/// <summary>Renders pgpm.plan exactly as the spec states it.</summary>
public static class PlanFile
{
    /// <summary>The fixed stamp every line carries, so the same data gives the same bytes.</summary>
    public const string Timestamp = "2017-08-11T08:11:51Z";

    public static string Render(string project, IReadOnlyList<PlanChange> changes, PlanAuthor author)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++) position.TryAdd(changes[i].Name, i);

        var sb = new StringBuilder();
        sb.Append("%syntax-version=1.0.0\n%project=").Append(project).Append("\n%uri=").Append(project).Append("\n\n");
        var lines = changes.Select(change =>
        {
            var line = new StringBuilder(change.Name);
            var deps = OrderDependencies(change.Dependencies, position);
            if (deps.Count > 0) line.Append(" [").AppendJoin(' ', deps).Append(']');
            line.Append(' ').Append(Timestamp).Append(' ').Append(author.Name).Append(" <").Append(author.Email).Append("> # add ").Append(OneLine(change.Note));
            return line.ToString();
        });
        sb.AppendJoin('\n', lines).Append('\n');
        return sb.ToString();
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
