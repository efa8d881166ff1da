namespace Pgpm.Export.Sandbox;

/// <summary>
/// Installs the real Constructive schema from the npm packages in <c>sandbox/node_modules/@pgpm</c> the way a user
/// does: <c>pgpm deploy</c> of every package with the modules it requires (pgpm's migrator, so the database's
/// <c>pgpm_migrate</c> ledger lists every change and exported packages that depend on them deploy with pgpm too).
/// pgpm runs the deploy scripts, not CREATE EXTENSION for the pgpm modules, which matters because PostGraphile hides
/// tables that an extension owns. Two things are not pgpm packages and stay plain SQL: the roles (cluster-wide, made
/// before any package refers to them) and <c>db_migrate</c>, the platform's table of generated migrations.
/// <see cref="InstallCombinedAsync"/> installs the older schema version the packages also carry (0.15.5) by CREATE EXTENSION
/// from their combined scripts (<c>sql/&lt;name&gt;--&lt;version&gt;.sql</c>), as a database installed from the published
/// extensions is, with the meta tables then released from the extensions so PostGraphile shows them.
/// </summary>
public static class ConstructiveSchema
{
    public static readonly IReadOnlyList<string> Roles = ["anonymous", "authenticated", "administrator", "app_user", "app_admin"];

    public static async Task InstallAsync(LocalPostgres server, string database, CancellationToken cancellationToken = default)
    {
        var roles = string.Join(
            "\n",
            Roles.Select(r => $"DO $$ BEGIN CREATE ROLE {r}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;")
        );
        await server.ExecuteAsync(database, roles, cancellationToken).ConfigureAwait(false);

        var packages = Directory
            .GetDirectories(SandboxFiles.NpmPackagesDirectory())
            .Where(d => File.Exists(Path.Combine(d, "pgpm.plan")))
            .Order(StringComparer.Ordinal)
            .ToList();
        await PgpmPackageDeployer
            .RunAsync(server, database, packages, ["deploy"], recursive: true, cancellationToken)
            .ConfigureAwait(false);

        await server.RunFileAsync(database, SandboxFiles.DbMigrateSql(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version the packages' combined scripts install.</summary>
    public const string CombinedVersion = "0.15.5";

    /// <summary>
    /// The extension files for <see cref="InstallCombinedAsync"/>, written into <paramref name="directory"/>: each
    /// package's control file and combined script; a package without a combined script (services) gets one made from
    /// its deploy scripts in plan order without their BEGIN/COMMIT lines, as <c>pgpm package</c> makes one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CombinedExtensionFilesAsync(
        string directory,
        CancellationToken cancellationToken = default
    )
    {
        System.IO.Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (var package in LoadPackages(SandboxFiles.NpmPackagesDirectory()))
        {
            var control = Path.Combine(package.Directory, package.Name + ".control");
            var version = File.ReadAllLines(control)
                .Select(l => l.Trim())
                .First(l => l.StartsWith("default_version", StringComparison.Ordinal));
            version = version[(version.IndexOf('\'') + 1)..version.LastIndexOf('\'')];
            var script = Path.Combine(directory, $"{package.Name}--{version}.sql");
            var combined = Path.Combine(package.Directory, "sql", $"{package.Name}--{version}.sql");
            if (File.Exists(combined))
            {
                File.Copy(combined, script, overwrite: true);
            }
            else
            {
                var body = new System.Text.StringBuilder($"\\echo Use \"CREATE EXTENSION {package.Name}\" to load this file. \\quit\n");
                foreach (var change in (await PgpmPlan.ReadAsync(package.Directory, cancellationToken).ConfigureAwait(false)).Changes)
                foreach (var line in File.ReadAllLines(Path.Combine(package.Directory, "deploy", change.Name + ".sql")))
                    if (line.Trim() is not ("BEGIN;" or "COMMIT;"))
                        body.Append(line).Append('\n');
                File.WriteAllText(script, body.ToString());
            }
            File.Copy(control, Path.Combine(directory, package.Name + ".control"), overwrite: true);
            files.Add(Path.Combine(directory, package.Name + ".control"));
            files.Add(script);
        }
        return files;
    }

    /// <summary>
    /// Installs schema version <see cref="CombinedVersion"/> by CREATE EXTENSION on a server started with
    /// <see cref="CombinedExtensionFilesAsync"/>, then db_migrate.sql_actions. The meta tables are released from their
    /// extensions (ALTER EXTENSION … DROP TABLE), which leaves them in place: PostGraphile does not show an extension's tables.
    /// </summary>
    public static async Task InstallCombinedAsync(LocalPostgres server, string database, CancellationToken cancellationToken = default)
    {
        var roles = string.Join(
            "\n",
            Roles.Select(r => $"DO $$ BEGIN CREATE ROLE {r}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;")
        );
        await server.ExecuteAsync(database, roles, cancellationToken).ConfigureAwait(false);
        await server.ExecuteAsync(database, "CREATE EXTENSION \"metaschema-modules\" CASCADE", cancellationToken).ConfigureAwait(false);
        await server
            .ExecuteAsync(
                database,
                """
                DO $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT e.extname, c.oid::regclass AS tbl
                           FROM pg_depend d
                           JOIN pg_extension e ON e.oid = d.refobjid
                           JOIN pg_class c ON c.oid = d.objid AND d.classid = 'pg_class'::regclass
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE d.deptype = 'e' AND c.relkind IN ('r', 'p')
                             AND n.nspname IN ('metaschema_public', 'services_public', 'metaschema_modules_public')
                  LOOP
                    EXECUTE format('ALTER EXTENSION %I DROP TABLE %s', r.extname, r.tbl);
                  END LOOP;
                END $$;
                """,
                cancellationToken
            )
            .ConfigureAwait(false);
        await server.RunFileAsync(database, SandboxFiles.DbMigrateSql(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record Package(string Name, string Directory, IReadOnlyList<string> Requires);

    private static List<Package> LoadPackages(string npmScope)
    {
        var packages = new List<Package>();
        foreach (var directory in Directory.GetDirectories(npmScope).Order(StringComparer.Ordinal))
        {
            var control = Directory.GetFiles(directory, "*.control").SingleOrDefault();
            if (control is null || !File.Exists(Path.Combine(directory, "pgpm.plan")))
                continue;
            var requiresLine = File.ReadAllLines(control).FirstOrDefault(l => l.StartsWith("requires", StringComparison.Ordinal))
                ?? "requires = ''";
            var list = requiresLine[(requiresLine.IndexOf('\'') + 1)..requiresLine.LastIndexOf('\'')];
            packages.Add(
                new Package(
                    Path.GetFileNameWithoutExtension(control),
                    directory,
                    list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                )
            );
        }
        return packages;
    }
}
