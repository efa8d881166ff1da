using Pgpm.Export.Errors;

namespace Pgpm.Export.Writing;

/// <summary>
/// Puts a package's changes in an order pgpm can deploy: pgpm's migrator deploys a plan top to bottom and refuses a
/// change whose dependencies are not yet deployed (<c>pgpm_migrate.deploy</c>: "Missing required changes"), so every
/// change must come after the changes of the same package it depends on. The order is the stable topological one:
/// among the changes whose dependencies are met, the one that came first (rows arrive ordered by id, from every
/// source) goes next, so rows already in a deployable order keep it and the result does not depend on the source.
/// </summary>
public static class PlanOrder
{
    /// <summary>A change with the changes of the same package it depends on, and the row it came from (for messages).</summary>
    public sealed record Node(PlanChange Change, IReadOnlyList<string> LocalDependencies, string Origin);

    /// <summary>
    /// The changes in deployable order. Throws <see cref="ExportException"/> (<see cref="ExportErrorKind.InvalidData"/>)
    /// naming the rows involved for a dependency on a change the package does not hold (<c>DependencyMissing</c>;
    /// <paramref name="filterNote"/> is added, e.g. to say a category filter left rows out), a change that depends on
    /// itself (<c>DependencyOnItself</c>) and a cycle (<c>DependencyCycle</c>): pgpm could deploy none of them.
    /// </summary>
    public static List<PlanChange> Sort(IReadOnlyList<Node> nodes, string? filterNote = null)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++) index[nodes[i].Change.Name] = i;

        var waitingFor = new int[nodes.Count];
        var dependents = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) dependents[i] = [];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            foreach (var dependency in node.LocalDependencies.Distinct(StringComparer.Ordinal))
            {
                if (dependency == node.Change.Name)
                    throw new ExportException(ExportErrorKind.InvalidData, "DependencyOnItself",
                        $"{node.Origin} ('{node.Change.Name}') depends on itself; pgpm cannot deploy it. Remove the dependency at the source.");
                if (!index.TryGetValue(dependency, out var target))
                    throw new ExportException(ExportErrorKind.InvalidData, "DependencyMissing",
                        $"{node.Origin} ('{node.Change.Name}') depends on '{dependency}', which is no change of this package{filterNote}; " +
                        "pgpm would refuse to deploy it. Export the change it depends on too, or remove the dependency at the source.");
                waitingFor[i]++;
                dependents[target].Add(i);
            }
        }

        var ready = new SortedSet<int>();
        for (var i = 0; i < nodes.Count; i++)
            if (waitingFor[i] == 0) ready.Add(i);
        var ordered = new List<PlanChange>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            ordered.Add(nodes[next].Change);
            foreach (var dependent in dependents[next])
                if (--waitingFor[dependent] == 0) ready.Add(dependent);
        }
        if (ordered.Count == nodes.Count) return ordered;
        throw Cycle(nodes, index, waitingFor);
    }

    /// <summary>Walks dependencies from the first change left over until a change repeats: that loop is a cycle.</summary>
    private static ExportException Cycle(IReadOnlyList<Node> nodes, Dictionary<string, int> index, int[] waitingFor)
    {
        var path = new List<int>();
        var seen = new Dictionary<int, int>();
        var current = Array.FindIndex(waitingFor, w => w > 0);
        while (!seen.ContainsKey(current))
        {
            seen[current] = path.Count;
            path.Add(current);
            current = nodes[current].LocalDependencies.Select(d => index[d]).First(d => waitingFor[d] > 0);
        }
        var loop = path.Skip(seen[current]).Append(current).ToList();
        var rows = string.Join(", ", loop.SkipLast(1).Select(i => $"{nodes[i].Origin} ('{nodes[i].Change.Name}')"));
        var chain = string.Join(" -> ", loop.Select(i => nodes[i].Change.Name));
        return new ExportException(ExportErrorKind.InvalidData, "DependencyCycle",
            $"{rows} depend on each other in a cycle ({chain}); pgpm cannot deploy any of them. Break the cycle at the source.");
    }
}
