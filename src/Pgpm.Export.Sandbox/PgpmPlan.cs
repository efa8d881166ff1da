using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pgpm.Export.Sandbox;

/// <summary>A <c>pgpm.plan</c> as pgpm's own parser reads it (<c>sandbox/pgpm/migrate.mjs</c>): its changes in order with their
/// dependencies, and its tags.</summary>
public sealed record PgpmPlan(string Project, IReadOnlyList<PgpmPlan.Change> Changes, IReadOnlyList<string> Tags)
{
    /// <param name="Planner">The author's name as pgpm reads it from the change's line, and <paramref name="Email"/> the address between
    /// its angle brackets.</param>
    public sealed record Change(string Name, IReadOnlyList<string> Dependencies, string? Planner, string? Email);

    /// <summary>Parses the package's plan with pgpm; fails with pgpm's line and message when pgpm rejects it.</summary>
    public static async Task<PgpmPlan> ReadAsync(string packageDirectory, CancellationToken cancellationToken = default) =>
        (await ReadAllAsync([packageDirectory], cancellationToken).ConfigureAwait(false)).Single();

    /// <summary>Parses the packages' plans with pgpm in one process, in the given order.</summary>
    public static async Task<IReadOnlyList<PgpmPlan>> ReadAllAsync(
        IReadOnlyList<string> packageDirectories,
        CancellationToken cancellationToken = default
    )
    {
        var result = await PgpmMigrateScript
            .RunAsync(
                new JsonObject { ["packages"] = PgpmMigrateScript.Strings(packageDirectories.Select(Path.GetFullPath)) },
                null,
                cancellationToken
            )
            .ConfigureAwait(false);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }

    private static PgpmPlan Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var changes = root.GetProperty("changes")
            .EnumerateArray()
            .Select(c => new Change(
                c.GetProperty("name").GetString()!,
                c.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()!).ToList(),
                c.GetProperty("planner").GetString(),
                c.GetProperty("email").GetString()
            ))
            .ToList();
        return new PgpmPlan(
            root.GetProperty("package").GetString()!,
            changes,
            root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList()
        );
    }
}
