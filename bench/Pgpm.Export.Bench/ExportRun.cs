namespace Pgpm.Export.Bench;

/// <summary>One export by the real command line (pgpm-export, the natively compiled executable), as its own process, into a fresh
/// directory.</summary>
internal sealed class ExportRun(string cli, string workDirectory)
{
    public async Task<(Measurement Measurement, string Output)> SqlAsync(string connectionString, Guid databaseId, int concurrency)
    {
        var output = NewOutputDirectory();
        var measurement = await TimedProcess
            .RunAsync(
                cli,
                ["-c", connectionString, "--database-id", databaseId.ToString(), "-o", output, "--concurrency", concurrency.ToString()]
            )
            .ConfigureAwait(false);
        return (measurement, output);
    }

    public async Task<(Measurement Measurement, string Output)> GraphQLAsync(Uri endpoint, string token, Guid databaseId, int concurrency)
    {
        var output = NewOutputDirectory();
        var measurement = await TimedProcess
            .RunAsync(
                cli,
                [
                    "--graphql-endpoint",
                    endpoint.ToString(),
                    "--database-id",
                    databaseId.ToString(),
                    "-o",
                    output,
                    "--concurrency",
                    concurrency.ToString(),
                ],
                new Dictionary<string, string> { ["PGPM_EXPORT_TOKEN"] = token }
            )
            .ConfigureAwait(false);
        return (measurement, output);
    }

    private string NewOutputDirectory() => Path.Combine(workDirectory, "pgpm-bench-" + Guid.NewGuid().ToString("N"));
}
