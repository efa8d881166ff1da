using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Manifest;

/// <summary>
/// Derives a manifest from a schema's facts: every table comes after every table it references by
/// foreign key; among tables that are free at the same time, schema order (metaschema_public,
/// services_public, metaschema_modules_public, then others by name) and then table name decide.
/// </summary>
public static class ManifestBuilder
{
    /// <param name="Table">The table.</param>
    /// <param name="DropColumns">Its columns the target supplies.</param>
    /// <param name="Columns">Its columns in ordinal order, or null when not known.</param>
    public sealed record TableFacts(TableRef Table, IReadOnlyList<string> DropColumns, IReadOnlyList<ManifestColumn>? Columns = null);

    public static ExportManifest Build(
        IReadOnlyList<TableFacts> tables,
        IReadOnlyCollection<(TableRef From, TableRef To)> foreignKeys,
        string? version = null
    )
    {
        var known = tables.ToDictionary(t => t.Table);
        var dependsOn = known.Keys.ToDictionary(t => t, _ => new HashSet<TableRef>());
        foreach (var (from, to) in foreignKeys)
            if (from != to && known.ContainsKey(from) && known.ContainsKey(to))
                dependsOn[from].Add(to);

        var ordered = new List<ManifestTable>();
        var done = new HashSet<TableRef>();
        var remaining = new SortedSet<TableRef>(known.Keys, Comparer<TableRef>.Create(CompareForTies));
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(t => dependsOn[t].IsSubsetOf(done))
                ?? throw new InvalidOperationException("Foreign keys form a cycle among: " + string.Join(", ", remaining));
            remaining.Remove(next);
            done.Add(next);
            var facts = known[next];
            ordered.Add(new ManifestTable(next, next == new TableRef(MetaSchemas.Metaschema, "field"), facts.DropColumns, facts.Columns));
        }
        return new ExportManifest(ordered, version);
    }

    private static int CompareForTies(TableRef a, TableRef b)
    {
        var bySchema = SchemaRank(a.Schema).CompareTo(SchemaRank(b.Schema));
        if (bySchema != 0)
            return bySchema;
        return a.CompareTo(b);
    }

    private static int SchemaRank(string schema)
    {
        var index = MetaSchemas.All.ToList().IndexOf(schema);
        return index < 0 ? MetaSchemas.All.Count : index;
    }
}
