using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Model;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>Get-ExportDatabase: the source's databases, optionally by name with wildcards.</summary>
[Cmdlet(VerbsCommon.Get, "ExportDatabase", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType(typeof(DatabaseInfo))]
public sealed class GetExportDatabaseCommand : SourceCmdlet
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DatabaseNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord() => Run((output, ct) => DatabaseQuery.RunAsync(OpenedSource, Name, output, ct));
}
