using Pgpm.Export.Logging;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>What both package exporters share for one export run.</summary>
internal sealed record ExportContext(
    IExportSource Source,
    Manifest.ExportManifest Manifest,
    ExportOptions Options,
    DatabaseInfo Database,
    Workspace Workspace,
    SchemaRenamer Renamer,
    PlanAuthor Author,
    IExportLog Log,
    IProgress<ExportProgress>? Progress,
    ReadSlots ReadSlots
)
{
    /// <summary>What the service package left out, filled before any table is read.</summary>
    public List<ExportOmission> Omissions { get; } = [];
}
