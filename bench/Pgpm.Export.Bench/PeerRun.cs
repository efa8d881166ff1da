using System.Text.Json;

namespace Pgpm.Export.Bench;

/// <summary>
/// One export by the established exporter's pipeline (sandbox/peer/pgpm-export.mjs: rows read with pg, INSERTs
/// rendered by csv-to-pg 4.12.1, plan and scripts written by @pgpmjs/core 7.27.3), as its own node process.
/// </summary>
internal sealed class PeerRun(string script, string workDirectory)
{
    /// <summary>What the peer says it wrote: tables and rows of the service package, and the columns it left out.</summary>
    public sealed record Report(int Actions, int Tables, int Rows, int ColumnsWritten, IReadOnlyList<string> ColumnsLeftOut);

    public string Script { get; } = script;

    public async Task<(Measurement Measurement, Report Report, string Output)> ExportAsync(BenchServers servers, Guid databaseId)
    {
        var output = Path.Combine(workDirectory, "pgpm-bench-peer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        var measurement = await TimedProcess
            .RunAsync(
                "node",
                [Script, databaseId.ToString(), output],
                new Dictionary<string, string>
                {
                    ["PGHOST"] = servers.Host,
                    ["PGPORT"] = servers.Port,
                    ["PGUSER"] = servers.User,
                    ["PGPASSWORD"] = servers.Password,
                    ["PGDATABASE"] = servers.Database,
                }
            )
            .ConfigureAwait(false);
        var report = JsonSerializer.Deserialize<Report>(
            measurement.StandardOutput.Trim(),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }
        ) ?? throw new InvalidOperationException($"The peer printed no report: '{measurement.StandardOutput.Trim()}'.");
        return (measurement, report, output);
    }
}
