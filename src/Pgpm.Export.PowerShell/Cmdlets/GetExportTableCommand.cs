using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>
/// Get-ExportTable: streams a database's meta table rows as objects (type name
/// <c>Pgpm.Export.Row#schema.table</c>), or with -ListAvailable the tables and whether the source exposes them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ExportTable", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType("Pgpm.Export.Row")]
[OutputType(typeof(ExportTableInfo))]
public sealed class GetExportTableCommand : SourceCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(DatabaseIdCompleter))]
    public Guid? DatabaseId { get; set; }

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
            if (DatabaseId is not null)
                ThrowTerminatingError(ErrorRecords.Argument("ListAvailableWithDatabase", "-ListAvailable lists the tables of the source, not of one database; leave out -DatabaseId.", DatabaseId));
            Run((output, ct) => TableListQuery.RunAsync(OpenedSource, Name, output, ct));
            return;
        }
        if (DatabaseId is not { } databaseId)
        {
            ThrowTerminatingError(ErrorRecords.Argument("DatabaseIdRequired", "Say whose rows to read with -DatabaseId (or pipe in Get-ExportDatabase), or list the tables with -ListAvailable.", null));
            return;
        }
        Run((output, ct) => TableRowQuery.RunAsync(OpenedSource, databaseId, Name, output, ct), perItem: true);
    }
}
