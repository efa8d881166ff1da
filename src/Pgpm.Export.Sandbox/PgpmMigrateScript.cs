using System.Text.Json;

namespace Pgpm.Export.Sandbox;

/// <summary>Starts <c>sandbox/pgpm/migrate.mjs</c> (pgpm's parser and migrator) with one JSON request; see that file for the request's shape.</summary>
internal static class PgpmMigrateScript
{
    public static Task<ProcessRunner.Result> RunAsync(object request, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        SandboxFiles.NpmPackagesDirectory();
        var sandbox = SandboxFiles.Directory();
        return ProcessRunner.RunAsync("node", [Path.Combine(sandbox, "pgpm", "migrate.mjs"), JsonSerializer.Serialize(request)],
            environment, workingDirectory: sandbox, cancellationToken: cancellationToken);
    }
}
