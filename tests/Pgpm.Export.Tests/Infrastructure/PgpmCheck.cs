using Pgpm.Export.Exporting;
using Pgpm.Export.Sandbox;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// What every test export goes through: each plan written is read by pgpm's own parser, so a plan pgpm would
/// reject fails the test that wrote it, whatever else that test checks. (Deploying with pgpm costs a database
/// and seconds per package; the round-trip, parity, hostile-data and acceptance tests do that.)
/// </summary>
public static class PgpmCheck
{
    public static async Task<ExportResult> PlansParseAsync(ExportResult result)
    {
        if (result.Packages.Count > 0)
            await PgpmPlan.ReadAllAsync(result.Packages.Select(p => p.Path).ToList());
        return result;
    }

    /// <summary>Every package with a plan under <c>packages/</c> of the workspace.</summary>
    public static async Task PlansParseAsync(string workspace)
    {
        var packages = Directory.Exists(Path.Combine(workspace, "packages"))
            ? Directory
                .GetDirectories(Path.Combine(workspace, "packages"))
                .Where(d => File.Exists(Path.Combine(d, "pgpm.plan")))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (packages.Count > 0)
            await PgpmPlan.ReadAllAsync(packages);
    }
}
