namespace Pgpm.Export.Sandbox;

/// <summary>The changes of a pgpm.plan in order (tags and pragmas skipped), with their in-brackets dependencies.</summary>
public sealed record PgpmPlan(string Project, IReadOnlyList<PgpmPlan.Change> Changes)
{
    public sealed record Change(string Name, IReadOnlyList<string> Dependencies);

    public static PgpmPlan Read(string packageDirectory)
    {
        var project = "";
        var changes = new List<Change>();
        foreach (var raw in File.ReadAllLines(Path.Combine(packageDirectory, "pgpm.plan")))
        {
            var line = raw.Trim();
            if (line.StartsWith("%project=", StringComparison.Ordinal)) project = line["%project=".Length..];
            if (line.Length == 0 || line[0] is '%' or '@' or '#') continue;
            var name = line.Split(' ')[0];
            var deps = new List<string>();
            var open = line.IndexOf(" [", StringComparison.Ordinal);
            if (open == name.Length)
            {
                var close = line.IndexOf(']', open);
                deps.AddRange(line[(open + 2)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            changes.Add(new Change(name, deps));
        }
        return new PgpmPlan(project, changes);
    }
}
