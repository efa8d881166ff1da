namespace Pgpm.Export.Sandbox;

/// <summary>Deploys, verifies and reverts a pgpm package by running its scripts with psql in plan order.</summary>
public static class PgpmPackageDeployer
{
    public static async Task DeployAsync(LocalPostgres server, string database, string packageDirectory, CancellationToken cancellationToken = default)
    {
        foreach (var change in PgpmPlan.Read(packageDirectory).Changes)
            await RunAsync(server, database, packageDirectory, "deploy", change.Name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task VerifyAsync(LocalPostgres server, string database, string packageDirectory, CancellationToken cancellationToken = default)
    {
        foreach (var change in PgpmPlan.Read(packageDirectory).Changes)
            await RunAsync(server, database, packageDirectory, "verify", change.Name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task RevertAsync(LocalPostgres server, string database, string packageDirectory, CancellationToken cancellationToken = default)
    {
        foreach (var change in PgpmPlan.Read(packageDirectory).Changes.Reverse())
            await RunAsync(server, database, packageDirectory, "revert", change.Name, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunAsync(LocalPostgres server, string database, string packageDirectory, string kind, string change, CancellationToken cancellationToken)
    {
        var file = Path.Combine(packageDirectory, kind, change + ".sql");
        try
        {
            await server.RunFileAsync(database, file, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{kind} of {Path.GetFileName(packageDirectory)}:{change} failed: {e.Message}", e);
        }
    }
}
