using System.Text.Json.Nodes;

namespace Pgpm.Export.Sandbox;

/// <summary>
/// Puts packages through pgpm itself: <c>sandbox/pgpm/migrate.mjs</c> parses each <c>pgpm.plan</c> with pgpm's own
/// parser (<c>@pgpmjs/core</c>, pinned in sandbox/package.json) and runs <c>deploy</c>, <c>verify</c> and
/// <c>revert</c> with pgpm's migrator, which records every change in the database's <c>pgpm_migrate</c> ledger and
/// refuses a change whose dependencies are not deployed. A plan pgpm's parser rejects fails here, whatever psql
/// would make of the scripts. One node process runs all the steps of one call (starting node and loading pgpm
/// costs more than deploying a package), so callers pass every package and step they can at once.
/// </summary>
public static class PgpmPackageDeployer
{
    /// <summary>Deploys the packages in the given order (<c>pgpm deploy --package</c>, without their required modules).</summary>
    public static Task DeployAsync(
        LocalPostgres server,
        string database,
        IReadOnlyList<string> packageDirectories,
        CancellationToken cancellationToken = default
    ) => RunAsync(server, database, packageDirectories, ["deploy"], recursive: false, cancellationToken);

    /// <summary>Runs the packages' verify scripts through pgpm; fails naming every change whose verify failed.</summary>
    public static Task VerifyAsync(
        LocalPostgres server,
        string database,
        IReadOnlyList<string> packageDirectories,
        CancellationToken cancellationToken = default
    ) => RunAsync(server, database, packageDirectories, ["verify"], recursive: false, cancellationToken);

    /// <summary>Reverts the packages, the last one first.</summary>
    public static Task RevertAsync(
        LocalPostgres server,
        string database,
        IReadOnlyList<string> packageDirectories,
        CancellationToken cancellationToken = default
    ) => RunAsync(server, database, packageDirectories, ["revert"], recursive: false, cancellationToken);

    /// <summary>
    /// What a package must survive with pgpm: deploy, verify, revert (last package first), deploy again, verify again.
    /// Ends deployed, so the caller can compare what is in the database.
    /// </summary>
    public static Task CycleAsync(
        LocalPostgres server,
        string database,
        IReadOnlyList<string> packageDirectories,
        CancellationToken cancellationToken = default
    ) =>
        RunAsync(
            server,
            database,
            packageDirectories,
            ["deploy", "verify", "revert", "deploy", "verify"],
            recursive: false,
            cancellationToken
        );

    /// <summary>
    /// Runs <paramref name="steps"/> (deploy, verify, revert) over the packages in one pgpm process. With
    /// <paramref name="recursive"/>, deploy first deploys the modules each package requires (pgpm's default), the
    /// way the sandbox installs the Constructive schema. Fails with pgpm's own words and the package it was on.
    /// </summary>
    public static async Task RunAsync(
        LocalPostgres server,
        string database,
        IReadOnlyList<string> packageDirectories,
        IReadOnlyList<string> steps,
        bool recursive,
        CancellationToken cancellationToken = default
    )
    {
        var request = new JsonObject
        {
            ["database"] = database,
            ["packages"] = PgpmMigrateScript.Strings(packageDirectories.Select(Path.GetFullPath)),
            ["steps"] = PgpmMigrateScript.Strings(steps),
            ["recursive"] = recursive,
        };
        await PgpmMigrateScript.RunAsync(request, server.ClientEnvironment(), cancellationToken).ConfigureAwait(false);
    }
}
