using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Exporting;

namespace Pgpm.Export.Commands;

/// <summary>An export as a front end asks for it: the engine's options, and what only a command adds to them.</summary>
public sealed class ProjectExportRequest
{
    /// <summary>
    /// What to export and where. The command follows <see cref="ExportOptions.Manifest"/> or
    /// <see cref="ExportOptions.SchemaVersion"/> itself, and sets the options' confirmation and replacing.
    /// </summary>
    public required ExportOptions Options { get; init; }

    /// <summary>Replace an existing package without asking.</summary>
    public bool Force { get; init; }

    /// <summary>The objects piped in, when the command had pipeline input; null exports everything from the source.</summary>
    public IReadOnlyList<RowInput>? PipedRows { get; init; }
}
