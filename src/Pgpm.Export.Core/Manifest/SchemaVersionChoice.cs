using Pgpm.Export.Logging;
using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>The schema version an export follows, and why, for verbose output.</summary>
/// <param name="Manifest">The chosen version's manifest.</param>
/// <param name="Reason">One sentence: what the source shows and how the versions compare.</param>
public sealed record SchemaVersionChoice(ExportManifest Manifest, string Reason)
{
    /// <summary>Each candidate's version → how many (table, column) pairs it and the source differ by, counted both ways.</summary>
    public IReadOnlyDictionary<string, int> Distances { get; init; } = new Dictionary<string, int>();

    /// <summary>Each candidate's version → its columns the source does not show
    /// (<c>schema.table.column</c>, in manifest order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> NotShown { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The candidate closest to what a source shows: the fewest (table, column) pairs that one has and the other does
    /// not, counted both ways; ties go to the newer version. Names are compared through <paramref name="key"/>, so a
    /// GraphQL API's camelCase fields compare with snake_case columns.
    /// </summary>
    /// <param name="candidates">Manifests with a version, oldest first.</param>
    /// <param name="observed">Each table the source shows, with the (keyed) names of the columns it shows.</param>
    /// <param name="key">Turns a column or field name into the form both sides are compared in.</param>
    /// <param name="shows">How the source is described in the reason ("the API shows", "the catalog has").</param>
    public static SchemaVersionChoice Closest(
        IReadOnlyList<ExportManifest> candidates,
        IReadOnlyDictionary<TableRef, IReadOnlySet<string>> observed,
        Func<string, string> key,
        string shows
    )
    {
        if (candidates.Count == 0)
            throw new ArgumentException("No schema version to choose from.", nameof(candidates));
        var known = candidates.SelectMany(m => m.Tables.Select(t => t.Table)).ToHashSet();
        var seen = observed.Where(o => known.Contains(o.Key)).SelectMany(o => o.Value.Select(c => (o.Key, c))).ToHashSet();
        var scored = candidates
            .Select(
                (m, index) =>
                {
                    var columns = m.Tables.SelectMany(t => (t.Columns ?? []).Select(c => (t.Table, key(c.Name)))).ToHashSet();
                    var notShown = m
                        .Tables.SelectMany(t =>
                            (t.Columns ?? []).Where(c => !seen.Contains((t.Table, key(c.Name)))).Select(c => $"{t.Table}.{c.Name}")
                        )
                        .ToList();
                    var unknown = seen.Count(c => !columns.Contains(c));
                    return (
                        Manifest: m,
                        Index: index,
                        Columns: columns.Count,
                        Lacking: notShown.Count,
                        Unknown: unknown,
                        NotShown: notShown
                    );
                }
            )
            .ToList();
        var best = scored.OrderBy(s => s.Lacking + s.Unknown).ThenByDescending(s => s.Index).First();
        var others = scored.Where(s => s != best).Select(s => $"{s.Manifest.Version}, with {Differences(s.Lacking, s.Unknown)}");
        var present = best.Lacking == 0 ? $"all {best.Columns}" : $"{best.Columns - best.Lacking} of the {best.Columns}";
        var extra = best.Unknown == 0 ? "" : $", and {Counted.Of(best.Unknown, "column")} it does not define";
        var reason =
            $"Schema version {best.Manifest.Version} chosen: {shows} {present} columns it defines{extra}"
            + (scored.Count > 1 ? $". It is closer than {string.Join("; ", others)}." : ".");
        return new SchemaVersionChoice(best.Manifest, reason)
        {
            Distances = scored
                .Where(s => s.Manifest.Version is not null)
                .ToDictionary(s => s.Manifest.Version!, s => s.Lacking + s.Unknown),
            NotShown = scored
                .Where(s => s.Manifest.Version is not null)
                .ToDictionary(s => s.Manifest.Version!, s => (IReadOnlyList<string>)s.NotShown),
        };
    }

    private static string Differences(int lacking, int unknown) =>
        $"{Counted.Of(lacking, "column")} of its own missing and {Counted.Of(unknown, "column")} it does not define";
}
