namespace Pgpm.Export.Bench;

/// <summary>One export by the real command line (pgpm-export), as its own process, into a fresh directory.</summary>
internal sealed class ExportRun(string cliDll, string workDirectory)
{
    public async Task<(Measurement Measurement, string Output)> SqlAsync(string connectionString, Guid databaseId, int concurrency)
    {
        var output = NewOutputDirectory();
        var measurement = await TimedProcess.RunAsync("dotnet",
            [cliDll, "-c", connectionString, "--database-id", databaseId.ToString(), "-o", output, "--concurrency", concurrency.ToString()]).ConfigureAwait(false);
        return (measurement, output);
    }

    public async Task<(Measurement Measurement, string Output)> GraphQLAsync(Uri endpoint, string token, Guid databaseId, int concurrency)
    {
        var output = NewOutputDirectory();
        var measurement = await TimedProcess.RunAsync("dotnet",
            [cliDll, "--graphql-endpoint", endpoint.ToString(), "--database-id", databaseId.ToString(), "-o", output, "--concurrency", concurrency.ToString()],
            new Dictionary<string, string> { ["PGPM_EXPORT_TOKEN"] = token }).ConfigureAwait(false);
        return (measurement, output);
    }

    private string NewOutputDirectory() => Path.Combine(workDirectory, "pgpm-bench-" + Guid.NewGuid().ToString("N"));
}
