using System.Text.Json.Nodes;

namespace Pgpm.Export.Sandbox;

/// <summary>Starts <c>sandbox/pgpm/migrate.mjs</c> (pgpm's parser and migrator) with one JSON request; see that file for the request's
/// shape.</summary>
internal static class PgpmMigrateScript
{
    public static Task<ProcessRunner.Result> RunAsync(
        JsonObject request,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken
    )
    {
        SandboxFiles.NpmPackagesDirectory();
        var sandbox = SandboxFiles.Directory();
        return ProcessRunner.RunAsync(
            "node",
            [Path.Combine(sandbox, "pgpm", "migrate.mjs"), request.ToJsonString()],
            environment,
            workingDirectory: sandbox,
            cancellationToken: cancellationToken
        );
    }

    /// <summary>A JSON array of the texts, for a request's lists.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
