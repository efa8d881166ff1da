using System.Text;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Bench;

/// <summary>
/// The SQL transfer floor: every statement an export of the database runs for its rows (the very COPY statements
/// of <see cref="SqlRowQueries.Copy"/>, and the sql_actions SELECT as a COPY), through psql into /dev/null, with the
/// export's session settings.
/// </summary>
internal static class SqlFloor
{
    public static async Task<string> WriteScriptAsync(string connectionString, Guid databaseId, string path)
    {
        await using var source = await SqlExportSource.OpenAsync(connectionString).ConfigureAwait(false);
        var script = new StringBuilder();
        foreach (
            var (table, entry) in await TableOrder
                .ForExportAsync(source, ExportManifest.BuiltIn, NullExportLog.Instance, CancellationToken.None)
                .ConfigureAwait(false)
        )
        {
            var shape = await source.DescribeTableAsync(table, null, CancellationToken.None).ConfigureAwait(false);
            if (shape is null)
                continue;
            script.Append(SqlRowQueries.Copy(ColumnRules.ExportedColumns(shape, entry), databaseId)).Append(";\n");
        }
        script
            .Append("COPY (")
            .Append(SqlRowQueries.SqlActions(hasCategory: true, excluding: false).Replace("$1", $"'{databaseId}'"))
            .Append(") TO STDOUT;\n");
        await File.WriteAllTextAsync(path, script.ToString()).ConfigureAwait(false);
        return path;
    }

    public static Task<Measurement> RunAsync(BenchServers servers, string script) =>
        TimedProcess.RunAsync(
            "psql",
            [
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                servers.Host,
                "-p",
                servers.Port,
                "-U",
                servers.User,
                "-d",
                servers.Database,
                "-f",
                script,
            ],
            new Dictionary<string, string> { ["PGPASSWORD"] = servers.Password, ["PGOPTIONS"] = SqlSessionSettings.StartupOptions },
            standardOutputFile: "/dev/null"
        );
}
