using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Errors;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>
/// Get-ExportTable: streams a database's meta table rows as objects (type name
/// <c>Pgpm.Export.Row#schema.table</c>), or with -ListAvailable the tables and whether the source exposes them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExportTable", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType("Pgpm.Export.Row")]
[OutputType(typeof(ExportTableInfo))]
public sealed class GetExportTableCommand : DatabaseCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(TableNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    public SwitchParameter ListAvailable { get; set; }

    protected override void ProcessRecord()
    {
        if (ListAvailable)
        {
            if (DatabaseId is not null || Database is not null)
                ThrowTerminatingError(
                    ErrorRecords.Argument(
                        ErrorId.ListAvailableWithDatabase,
                        "-ListAvailable lists the tables of the source, not of one database; leave out -DatabaseId and -Database.",
                        (object?)DatabaseId ?? Database
                    )
                );
            Run((output, ct) => TableListQuery.RunAsync(OpenedSource, Name, output, ct));
            return;
        }
        Run((output, ct) => TableRowQuery.RunAsync(OpenedSource, Chosen, Name, output, ct), perItem: true);
    }
}
