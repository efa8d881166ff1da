using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Model;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>Get-ExportSchema: a database's rows of metaschema_public.schema.</summary>
[Cmdlet(VerbsCommon.Get, "ExportSchema", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType(typeof(SchemaInfo))]
public sealed class GetExportSchemaCommand : DatabaseCmdlet
{
    protected override void ProcessRecord() => Run((output, ct) => SchemaQuery.RunAsync(OpenedSource, Chosen, output, ct), perItem: true);
}
