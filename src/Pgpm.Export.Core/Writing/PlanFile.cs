using System.Text;

namespace Pgpm.Export.Writing;

/// <summary>Renders pgpm.plan exactly as the spec states it.</summary>
public static class PlanFile
{
    /// <summary>The fixed stamp every line carries, so the same data gives the same bytes.</summary>
    public const string Timestamp = "2017-08-11T08:11:51Z";

    /// <summary>The whole plan of <paramref name="changes"/>, already in plan order (a package writes it with <see
    /// cref="PlanWriter"/>).</summary>
    public static string Render(string project, IReadOnlyList<PlanChange> changes, PlanAuthor author)
    {
        var bytes = new MemoryStream();
        using (var plan = new PlanWriter(bytes, project, author))
            plan.WriteAll(changes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The plan's first lines, up to and including the blank line before the changes.</summary>
    public static string Header(string project) => "%syntax-version=1.0.0\n%project=" + project + "\n%uri=" + project + "\n\n";

    /// <summary>What a plan without changes ends with after its <see cref="Header"/>.</summary>
    public const string EmptyPlanEnd = "\n";

    /// <summary>
    /// One change's line, <c>\n</c> included. <paramref name="planPosition"/> holds at least the changes of the same plan
    /// this one depends on, by plan position, which orders its dependencies (<see cref="OrderDependencies"/>).
    /// </summary>
    public static string Line(PlanChange change, IReadOnlyDictionary<string, int> planPosition, PlanAuthor author)
    {
        var line = new StringBuilder(change.Name);
        var deps = OrderDependencies(change.Dependencies, planPosition);
        if (deps.Count > 0)
            line.Append(" [").AppendJoin(' ', deps).Append(']');
        return line.Append(' ')
            .Append(Timestamp)
            .Append(' ')
            .Append(author.Name)
            .Append(" <")
            .Append(author.Email)
            .Append("> # add ")
            .Append(OneLine(change.Note))
            .Append('\n')
            .ToString();
    }

    /// <summary>Dependencies on changes of the same plan first, in plan order; then the others (<c>pkg:change</c>) in their given
    /// order.</summary>
    public static IReadOnlyList<string> OrderDependencies(IReadOnlyList<string> dependencies, IReadOnlyDictionary<string, int> planPosition)
    {
        var distinct = dependencies.Distinct(StringComparer.Ordinal).ToList();
        var inPlan = distinct.Where(planPosition.ContainsKey).OrderBy(d => planPosition[d]);
        var external = distinct.Where(d => !planPosition.ContainsKey(d));
        return inPlan.Concat(external).ToList();
    }

    private static string OneLine(string note) => note.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
