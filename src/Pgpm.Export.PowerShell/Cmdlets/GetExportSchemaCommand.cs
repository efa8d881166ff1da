using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.PowerShell.Completers;
using Pgpm.Export.Model;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>Get-ExportSchema: a database's rows of metaschema_public.schema.</summary>
[Cmdlet(VerbsCommon.Get, "ExportSchema", DefaultParameterSetName = ParameterSets.ConnectionString)]
[OutputType(typeof(SchemaInfo))]
public sealed class GetExportSchemaCommand : SourceCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(DatabaseIdCompleter))]
    public Guid DatabaseId { get; set; }

    protected override void ProcessRecord() =>
        Run((output, ct) => SchemaQuery.RunAsync(OpenedSource, DatabaseId, output, ct), perItem: true);
}
