using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Logging;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Runs the cmdlets' commands the way the cmdlets do: opened sources, the pump, a recording host.</summary>
public static class CommandRun
{
    public static Task<PgpmExportSource> SqlSourceAsync(PostgresFixture postgres, string database) =>
        SourceOpener.OpenAsync(
            new SourceRequest { ConnectionString = postgres.Server.ConnectionString(database) },
            NullExportLog.Instance,
            CancellationToken.None
        );

    public static void Run(RecordingHost host, Func<ICommandOutput, CancellationToken, Task> work, CancellationToken stopping = default) =>
        CommandPump.Run(host, stopping, work);

    /// <summary>The objects as Export-PgpmProject receives them from the pipeline: a row's type name first, its note properties.</summary>
    public static List<RowInput> AsPipelineInput(IEnumerable<object> objects) =>
        objects
            .Select(
                (o, i) =>
                    o switch
                    {
                        RowRecord row => new RowInput(
                            i + 1,
                            [row.TypeName, "System.Management.Automation.PSCustomObject", "System.Object"],
                            row.Values,
                            "a PSCustomObject"
                        ),
                        _ => new RowInput(i + 1, [o.GetType().FullName!, "System.Object"], [], $"a {o.GetType().FullName}"),
                    }
            )
            .ToList();

    /// <summary>Every row of the database (all meta tables, then sql_actions) as Get-ExportTable and Get-ExportSqlAction write
    /// them.</summary>
    public static List<object> AllRows(PgpmExportSource source, Guid databaseId)
    {
        var host = new RecordingHost();
        Run(host, (o, ct) => TableRowQuery.RunAsync(source, databaseId, null, o, ct));
        Run(host, (o, ct) => SqlActionQuery.RunAsync(source, databaseId, null, o, ct));
        return host.Objects;
    }
}
