using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>The outcome of an export: the packages written, and why any expected package was not.</summary>
public sealed record ExportResult(DatabaseInfo Database, IReadOnlyList<PackageSummary> Packages, IReadOnlyList<string> Skipped)
{
    /// <summary>The schema version followed (null for a manifest that names none).</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>What of that version the source would not give and the export left out, each also a warning (see <see
    /// cref="ExportOmission"/>).</summary>
    public IReadOnlyList<ExportOmission> Omissions { get; init; } = [];
}
