namespace Pgpm.Export.Sandbox;

/// <summary>
/// Finds the repository's <c>sandbox/</c> folder (npm packages and SQL the sandbox installs), and
/// installs its npm packages from the lock file when they are missing.
/// </summary>
public static class SandboxFiles
{
    public static string Directory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PGPM_EXPORT_SANDBOX");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sandbox");
            if (File.Exists(Path.Combine(candidate, "package.json")) && File.Exists(Path.Combine(candidate, "db_migrate.sql")))
                return candidate;
        }
        throw new InvalidOperationException(
            "The sandbox/ folder of the Pgpm.Export repository was not found above "
                + AppContext.BaseDirectory
                + "; set PGPM_EXPORT_SANDBOX."
        );
    }

    public static string DbMigrateSql() => Path.Combine(Directory(), "db_migrate.sql");

    public static string NpmPackagesDirectory()
    {
        var sandbox = Directory();
        var scope = Path.Combine(sandbox, "node_modules", "@pgpm");
        if (!System.IO.Directory.Exists(scope))
            EnsureNpmPackagesAsync(sandbox).GetAwaiter().GetResult();
        return scope;
    }

    private static readonly SemaphoreSlim NpmLock = new(1, 1);

    private static async Task EnsureNpmPackagesAsync(string sandbox)
    {
        await NpmLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(sandbox, "node_modules", "@pgpm")))
                return;
            await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: sandbox).ConfigureAwait(false);
        }
        finally
        {
            NpmLock.Release();
        }
    }
}
