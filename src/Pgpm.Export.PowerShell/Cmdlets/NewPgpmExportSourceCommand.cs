using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>New-PgpmExportSource: opens a source once for a runbook that calls several cmdlets with -Source.</summary>
[Cmdlet(VerbsCommon.New, "PgpmExportSource", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType(typeof(PgpmExportSource))]
public sealed class NewPgpmExportSourceCommand : EndpointCmdlet
{
    protected override void EndProcessing()
    {
        var request = BuildRequest();
        var source = Run((output, ct) => SourceOpener.OpenAsync(request, new CommandLog(output), ct));
        WriteObject(source);
    }
}
