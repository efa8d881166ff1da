using Pgpm.Export.Errors;

namespace Pgpm.Export.Writing;

/// <summary>
/// Puts a package's changes in an order pgpm can deploy, as they arrive: pgpm's migrator deploys a plan top to bottom
/// and refuses a change whose dependencies are not yet deployed (<c>pgpm_migrate.deploy</c>: "Missing required
/// changes"), so every change must come after the changes of the same package it depends on. The order is the stable
/// topological one (spec, "pgpm.plan": ties by id): among the changes whose dependencies are met, the one that came
/// first (rows arrive ordered by id, from every source) goes next, so rows already in a deployable order keep it and
/// the result does not depend on the source.
/// <para>
/// A change is handed to the caller (<c>planned</c>) as soon as its place is certain, which for a change whose
/// dependencies came before it is at once; only a change waiting for a later one is kept until that one arrives. A
/// package of thousands of changes in id order is therefore never held whole: what stays per change is its name and
/// plan position. The result is the same as sorting all changes at the end (Kahn's algorithm, smallest arrival
/// first): a later change has a larger position, so the smallest ready change is always among those already here.
/// </para>
/// </summary>
public sealed class PlanOrder
{
    /// <summary>A change with the changes of the same package it depends on, and the row it came from (for messages).</summary>
    public sealed record Node(PlanChange Change, IReadOnlyList<string> LocalDependencies, string Origin);

    private sealed class Waiting(Node node, int arrival, int unmet)
    {
        public Node Node { get; } = node;
        public int Arrival { get; } = arrival;
        public int Unmet { get; set; } = unmet;
        public bool Planned { get; set; }
    }

    private readonly Action<PlanChange, IReadOnlyDictionary<string, int>> _planned;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Waiting>> _waitersByDependency = new(StringComparer.Ordinal);
    private readonly List<Waiting> _waiting = [];
    private readonly PriorityQueue<Waiting, int> _ready = new();
    private int _arrived;

    /// <param name="planned">
    /// Called with each change in plan order, and every change planned so far by its plan position (0-based; the
    /// change's own included), which is all a plan line needs (<see cref="PlanFile.Line"/>).
    /// </param>
    public PlanOrder(Action<PlanChange, IReadOnlyDictionary<string, int>> planned) => _planned = planned;

    /// <summary>How many changes were planned so far.</summary>
    public int Count => _positions.Count;

    /// <summary>Takes the next change in arrival (id) order; plans it, and any change that waited for it, when it can.</summary>
    public void Add(Node node)
    {
        var arrival = _arrived++;
        var unmet = node.LocalDependencies.Distinct(StringComparer.Ordinal).Where(d => !_positions.ContainsKey(d)).ToList();
        if (unmet.Count == 0)
        {
            Plan(node);
            return;
        }
        var waiting = new Waiting(node, arrival, unmet.Count);
        _waiting.Add(waiting);
        foreach (var dependency in unmet)
        {
            if (!_waitersByDependency.TryGetValue(dependency, out var waiters))
                _waitersByDependency[dependency] = waiters = [];
            waiters.Add(waiting);
        }
    }

    /// <summary>
    /// Ends the package. Throws <see cref="ExportException"/> (<see cref="ExportErrorKind.InvalidData"/>) naming the rows
    /// involved for a dependency on a change the package does not hold (<c>DependencyMissing</c>; <paramref name="filterNote"/>
    /// is added, e.g. to say a category filter left rows out), a change that depends on itself (<c>DependencyOnItself</c>) and
    /// a cycle (<c>DependencyCycle</c>): pgpm could deploy none of them. The first row in id order with a problem is named.
    /// </summary>
    public void Complete(string? filterNote = null)
    {
        var unplanned = _waiting.Where(w => !w.Planned).Select(w => w.Node).ToList();
        if (unplanned.Count == 0)
            return;
        var byName = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in unplanned)
            byName.TryAdd(node.Change.Name, node);
        foreach (var node in unplanned)
        {
            foreach (var dependency in node.LocalDependencies.Distinct(StringComparer.Ordinal))
            {
                if (dependency == node.Change.Name)
                    throw new ExportException(
                        ExportErrorKind.InvalidData,
                        ErrorId.DependencyOnItself,
                        $"{node.Origin} ('{node.Change.Name}') depends on itself; pgpm cannot deploy it. "
                            + "Remove the dependency at the source."
                    );
                if (!_positions.ContainsKey(dependency) && !byName.ContainsKey(dependency))
                    throw new ExportException(
                        ExportErrorKind.InvalidData,
                        ErrorId.DependencyMissing,
                        $"{node.Origin} ('{node.Change.Name}') depends on '{dependency}', which is no change of this package{filterNote}; "
                            + "pgpm would refuse to deploy it. Export the change it depends on too, or remove the dependency at the source."
                    );
            }
        }
        throw Cycle(unplanned[0], byName);
    }

    /// <summary>The changes in deployable order, all at once (<see cref="Add"/> each, then <see cref="Complete"/>).</summary>
    public static List<PlanChange> Sort(IEnumerable<Node> nodes, string? filterNote = null)
    {
        var ordered = new List<PlanChange>();
        var order = new PlanOrder((change, _) => ordered.Add(change));
        foreach (var node in nodes)
            order.Add(node);
        order.Complete(filterNote);
        return ordered;
    }

    private void Plan(Node node)
    {
        PlanOne(node);
        // Planning one change can make earlier ones ready: they go next, smallest arrival first, before anything later arrives.
        while (_ready.TryDequeue(out var next, out _))
        {
            next.Planned = true;
            PlanOne(next.Node);
        }
    }

    private void PlanOne(Node node)
    {
        _positions[node.Change.Name] = _positions.Count;
        _planned(node.Change, _positions);
        if (!_waitersByDependency.Remove(node.Change.Name, out var waiters))
            return;
        foreach (var waiting in waiters)
            if (--waiting.Unmet == 0)
                _ready.Enqueue(waiting, waiting.Arrival);
    }

    /// <summary>Every change left over waits for another left over: walking dependencies from the first until a change repeats finds a
    /// cycle.</summary>
    private ExportException Cycle(Node first, Dictionary<string, Node> unplanned)
    {
        var path = new List<Node>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = first;
        while (!seen.ContainsKey(current.Change.Name))
        {
            seen[current.Change.Name] = path.Count;
            path.Add(current);
            current = unplanned[current.LocalDependencies.First(d => !_positions.ContainsKey(d))];
        }
        var loop = path.Skip(seen[current.Change.Name]).Append(current).ToList();
        var rows = string.Join(", ", loop.SkipLast(1).Select(n => $"{n.Origin} ('{n.Change.Name}')"));
        var chain = string.Join(" -> ", loop.Select(n => n.Change.Name));
        return new ExportException(
            ExportErrorKind.InvalidData,
            ErrorId.DependencyCycle,
            $"{rows} depend on each other in a cycle ({chain}); pgpm cannot deploy any of them. Break the cycle at the source."
        );
    }
}
