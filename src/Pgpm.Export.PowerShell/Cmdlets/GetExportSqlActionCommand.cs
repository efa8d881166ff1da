using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>Get-ExportSqlAction: a database's db_migrate.sql_actions rows, the changes of its database package.</summary>
[Cmdlet(VerbsCommon.Get, "ExportSqlAction", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType("Pgpm.Export.Row#db_migrate.sql_actions")]
public sealed class GetExportSqlActionCommand : DatabaseCmdlet
{
    [Parameter]
    [ArgumentCompleter(typeof(SqlActionCategoryCompleter))]
    [ValidateNotNull]
    public string[]? ExcludeCategory { get; set; }

    protected override void ProcessRecord() =>
        Run((output, ct) => SqlActionQuery.RunAsync(OpenedSource, Chosen, ExcludeCategory, output, ct), perItem: true);
}
