using Pgpm.Export.Logging;
using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>The schema version an export follows, and why, for verbose output.</summary>
/// <param name="Manifest">The chosen version's manifest.</param>
/// <param name="Reason">One sentence: what the source shows and how the versions compare.</param>
public sealed record SchemaVersionChoice(ExportManifest Manifest, string Reason)
{
    /// <summary>
    /// The candidate closest to what a source shows: the fewest (table, column) pairs that one has and the other does
    /// not, counted both ways; ties go to the newer version. Names are compared through <paramref name="key"/>, so a
    /// GraphQL API's camelCase fields compare with snake_case columns.
    /// </summary>
    /// <param name="candidates">Manifests with a version, oldest first.</param>
    /// <param name="observed">Each table the source shows, with the (keyed) names of the columns it shows.</param>
    /// <param name="key">Turns a column or field name into the form both sides are compared in.</param>
    /// <param name="shows">How the source is described in the reason ("the API shows", "the catalog has").</param>
    public static SchemaVersionChoice Closest(IReadOnlyList<ExportManifest> candidates, IReadOnlyDictionary<TableRef, IReadOnlySet<string>> observed,
        Func<string, string> key, string shows)
    {
        if (candidates.Count == 0) throw new ArgumentException("No schema version to choose from.", nameof(candidates));
        var known = candidates.SelectMany(m => m.Tables.Select(t => t.Table)).ToHashSet();
        var seen = observed.Where(o => known.Contains(o.Key))
            .SelectMany(o => o.Value.Select(c => (o.Key, c))).ToHashSet();
        var scored = candidates.Select((m, index) =>
        {
            var columns = m.Tables.SelectMany(t => (t.Columns ?? []).Select(c => (t.Table, key(c.Name)))).ToHashSet();
            var lacking = columns.Count(c => !seen.Contains(c));
            var unknown = seen.Count(c => !columns.Contains(c));
            return (Manifest: m, Index: index, Columns: columns.Count, Lacking: lacking, Unknown: unknown);
        }).ToList();
        var best = scored.OrderBy(s => s.Lacking + s.Unknown).ThenByDescending(s => s.Index).First();
        var others = scored.Where(s => s != best).Select(s => $"{s.Manifest.Version}, with {Differences(s.Lacking, s.Unknown)}");
        var present = best.Lacking == 0 ? $"all {best.Columns}" : $"{best.Columns - best.Lacking} of the {best.Columns}";
        var extra = best.Unknown == 0 ? "" : $", and {Counted.Of(best.Unknown, "column")} it does not define";
        var reason = $"Schema version {best.Manifest.Version} chosen: {shows} {present} columns it defines{extra}" +
                     (scored.Count > 1 ? $". It is closer than {string.Join("; ", others)}." : ".");
        return new SchemaVersionChoice(best.Manifest, reason);
    }

    private static string Differences(int lacking, int unknown) =>
        $"{Counted.Of(lacking, "column")} of its own missing and {Counted.Of(unknown, "column")} it does not define";
}
