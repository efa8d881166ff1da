using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.PowerShell.Completers;
using Pgpm.Export.Writing;

namespace Pgpm.Export.PowerShell.Cmdlets;

/// <summary>
/// Export-PgpmProject: writes a database's pgpm packages into a workspace and outputs one summary per
/// package. Piped rows (from Get-ExportTable / Get-ExportSqlAction) are written exactly as given instead of
/// reading the source; piped databases (from Get-ExportDatabase) are each exported whole.
/// </summary>
[Cmdlet(
    VerbsData.Export,
    "PgpmProject",
    DefaultParameterSetName = ParameterSets.ConnectionString,
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium
)]
[OutputType(typeof(PackageSummary))]
public sealed class ExportPgpmProjectCommand : SourceCmdlet
{
    private readonly List<RowInput> _rows = [];
    private int _position;
    private int _databasesExported;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = null!;

    [Parameter]
    [ArgumentCompleter(typeof(DatabaseIdCompleter))]
    public Guid? DatabaseId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DatabaseNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExtensionName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? MetaExtensionName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Author { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(SchemaNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Schema { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(SqlActionCategoryCompleter))]
    [ValidateNotNull]
    public string[]? ExcludeCategory { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ManifestPath { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(SchemaVersionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SchemaVersion { get; set; }

    [Parameter]
    public SwitchParameter AllowMissingColumn { get; set; }

    [Parameter]
    public SwitchParameter FailOnHiddenTable { get; set; }

    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ExportOptions.DefaultConcurrency;

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    private string _outputPath = null!;
    private string? _manifestPath;

    /// <summary>The paths are checked before the source is opened: a path PowerShell cannot write to is the first error, not a
    /// connection's.</summary>
    protected override void BeginProcessing()
    {
        _outputPath = FileSystemPath(OutputPath, nameof(OutputPath));
        _manifestPath = ManifestPath is null ? null : FileSystemPath(ManifestPath, nameof(ManifestPath));
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        if (InputObject is null)
            return;
        if (PipelineObjects.DatabaseIdOf(InputObject) is { } databaseId)
        {
            if (_rows.Count > 0 || DatabaseId is not null || Database is not null)
                ThrowTerminatingError(
                    ErrorRecords.Argument(
                        ErrorId.DatabaseAndRowsMixed,
                        "Pipe in either databases (Get-ExportDatabase) or rows (Get-ExportTable), "
                            + "and give no -DatabaseId or -Database with piped databases.",
                        InputObject
                    )
                );
            _databasesExported++;
            Export(databaseId, null, null, perItem: true);
            return;
        }
        if (_databasesExported > 0)
            ThrowTerminatingError(
                ErrorRecords.Argument(
                    ErrorId.DatabaseAndRowsMixed,
                    "Pipe in either databases (Get-ExportDatabase) or rows (Get-ExportTable), not both.",
                    null
                )
            );
        _rows.Add(PipelineObjects.ToRowInput(InputObject, ++_position));
    }

    protected override void EndProcessing()
    {
        try
        {
            if (_databasesExported > 0)
                return;
            var piped = MyInvocation.ExpectingInput ? _rows : null;
            Export(DatabaseId, Database, piped, perItem: false);
        }
        finally
        {
            base.EndProcessing();
        }
    }

    /// <summary>The request for one export; the manifest file is read for each, so a bad one is that export's error.</summary>
    private ProjectExportRequest Request(Guid? databaseId, string? databaseName, IReadOnlyList<RowInput>? piped) =>
        new()
        {
            Options = new ExportOptions
            {
                DatabaseId = databaseId,
                DatabaseName = databaseName,
                OutputPath = _outputPath,
                ExtensionName = ExtensionName,
                MetaExtensionName = MetaExtensionName,
                Author = Author,
                Schemas = Schema,
                ExcludeCategories = ExcludeCategory ?? [],
                Manifest = _manifestPath is null ? null : ExportManifest.LoadFile(_manifestPath),
                SchemaVersion = SchemaVersion,
                AllowMissingColumns = AllowMissingColumn,
                FailOnHiddenTables = FailOnHiddenTable,
                Preview = WhatIfRequested,
                Concurrency = ThrottleLimit,
            },
            Force = Force,
            PipedRows = piped,
        };

    /// <summary>-WhatIf given, or $WhatIfPreference set and not overridden by -WhatIf:$false.</summary>
    private bool WhatIfRequested =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? whatIf is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

    private void Export(Guid? databaseId, string? databaseName, IReadOnlyList<RowInput>? piped, bool perItem) =>
        Run((output, ct) => ProjectExport.RunAsync(OpenedSource, Request(databaseId, databaseName, piped), output, ct), perItem);
}
