using System.Text;
using Pgpm.Export.Export;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Bench;

/// <summary>
/// The SQL transfer floor: every SELECT an export of the database runs (the same columns, filter and order),
/// as <c>COPY (…) TO STDOUT</c> through psql into /dev/null, with the export's session settings.
/// </summary>
internal static class SqlFloor
{
    public static async Task<string> WriteScriptAsync(string connectionString, Guid databaseId, string path)
    {
        await using var source = await SqlExportSource.OpenAsync(connectionString).ConfigureAwait(false);
        var script = new StringBuilder();
        var id = $"'{databaseId}'";
        foreach (var (table, entry) in await TableOrder.ForExportAsync(source, ExportManifest.BuiltIn, NullExportLog.Instance, CancellationToken.None).ConfigureAwait(false))
        {
            var shape = await source.DescribeTableAsync(table, null, CancellationToken.None).ConfigureAwait(false);
            if (shape is null) continue;
            script.Append("COPY (").Append(SqlRowQueries.Rows(ColumnRules.ExportedColumns(shape, entry)).Replace("$1", id)).Append(") TO STDOUT;\n");
        }
        script.Append("COPY (").Append(SqlRowQueries.SqlActions(hasCategory: true, excluding: false).Replace("$1", id)).Append(") TO STDOUT;\n");
        await File.WriteAllTextAsync(path, script.ToString()).ConfigureAwait(false);
        return path;
    }

    public static Task<Measurement> RunAsync(BenchServers servers, string script) =>
        TimedProcess.RunAsync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", servers.Host, "-p", servers.Port, "-U", servers.User, "-d", servers.Database, "-f", script],
            new Dictionary<string, string> { ["PGPASSWORD"] = servers.Password, ["PGOPTIONS"] = SqlSessionSettings.StartupOptions },
            standardOutputFile: "/dev/null");
}
