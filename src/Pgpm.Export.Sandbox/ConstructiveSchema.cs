namespace Pgpm.Export.Sandbox;

/// <summary>
/// Installs the real Constructive schema from the npm packages in <c>sandbox/node_modules/@pgpm</c>: the
/// roles and extensions it needs, then every package's deploy scripts in plan order, packages ordered by
/// their control files' requires. Plain scripts, not CREATE EXTENSION, because PostGraphile hides tables
/// that an extension owns.
/// </summary>
public static class ConstructiveSchema
{
    public static readonly IReadOnlyList<string> Roles = ["anonymous", "authenticated", "administrator", "app_user", "app_admin"];

    public static async Task InstallAsync(LocalPostgres server, string database, CancellationToken cancellationToken = default)
    {
        var roles = string.Join("\n", Roles.Select(r =>
            $"DO $$ BEGIN CREATE ROLE {r}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"));
        await server.ExecuteAsync(database, roles, cancellationToken).ConfigureAwait(false);

        var packages = LoadPackages(SandboxFiles.NpmPackagesDirectory());
        var byName = packages.ToDictionary(p => p.Name);
        var extensions = packages.SelectMany(p => p.Requires).Where(r => !byName.ContainsKey(r)).Distinct().Order(StringComparer.Ordinal);
        foreach (var extension in extensions)
            await server.ExecuteAsync(database, $"CREATE EXTENSION IF NOT EXISTS \"{extension}\"", cancellationToken).ConfigureAwait(false);

        foreach (var package in InDependencyOrder(packages))
            await PgpmPackageDeployer.DeployAsync(server, database, package.Directory, cancellationToken).ConfigureAwait(false);

        await server.RunFileAsync(database, SandboxFiles.DbMigrateSql(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record Package(string Name, string Directory, IReadOnlyList<string> Requires);

    private static List<Package> LoadPackages(string npmScope)
    {
        var packages = new List<Package>();
        foreach (var directory in Directory.GetDirectories(npmScope).Order(StringComparer.Ordinal))
        {
            var control = Directory.GetFiles(directory, "*.control").SingleOrDefault();
            if (control is null || !File.Exists(Path.Combine(directory, "pgpm.plan"))) continue;
            var requiresLine = File.ReadAllLines(control).FirstOrDefault(l => l.StartsWith("requires", StringComparison.Ordinal)) ?? "requires = ''";
            var list = requiresLine[(requiresLine.IndexOf('\'') + 1)..requiresLine.LastIndexOf('\'')];
            packages.Add(new Package(Path.GetFileNameWithoutExtension(control), directory,
                list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        return packages;
    }

    private static IEnumerable<Package> InDependencyOrder(List<Package> packages)
    {
        var done = new HashSet<string>();
        var names = packages.Select(p => p.Name).ToHashSet();
        var remaining = packages.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(p => p.Requires.Where(names.Contains).All(done.Contains))
                ?? throw new InvalidOperationException("The schema packages require each other in a cycle: " + string.Join(", ", remaining.Select(p => p.Name)));
            remaining.Remove(next);
            done.Add(next.Name);
            yield return next;
        }
    }
}
