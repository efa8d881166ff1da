namespace Pgpm.Export.Sandbox;

/// <summary>
/// Installs the real Constructive schema from the npm packages in <c>sandbox/node_modules/@pgpm</c> the way a user
/// does: <c>pgpm deploy</c> of every package with the modules it requires (pgpm's migrator, so the database's
/// <c>pgpm_migrate</c> ledger lists every change and exported packages that depend on them deploy with pgpm too).
/// pgpm runs the deploy scripts, not CREATE EXTENSION for the pgpm modules, which matters because PostGraphile hides
/// tables that an extension owns. Two things are not pgpm packages and stay plain SQL: the roles (cluster-wide, made
/// before any package refers to them) and <c>db_migrate</c>, the platform's table of generated migrations.
/// </summary>
public static class ConstructiveSchema
{
    public static readonly IReadOnlyList<string> Roles = ["anonymous", "authenticated", "administrator", "app_user", "app_admin"];

    public static async Task InstallAsync(LocalPostgres server, string database, CancellationToken cancellationToken = default)
    {
        var roles = string.Join("\n", Roles.Select(r =>
            $"DO $$ BEGIN CREATE ROLE {r}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"));
        await server.ExecuteAsync(database, roles, cancellationToken).ConfigureAwait(false);

        var packages = Directory.GetDirectories(SandboxFiles.NpmPackagesDirectory())
            .Where(d => File.Exists(Path.Combine(d, "pgpm.plan")))
            .Order(StringComparer.Ordinal)
            .ToList();
        await PgpmPackageDeployer.RunAsync(server, database, packages, ["deploy"], recursive: true, cancellationToken).ConfigureAwait(false);

        await server.RunFileAsync(database, SandboxFiles.DbMigrateSql(), cancellationToken).ConfigureAwait(false);
    }
}
