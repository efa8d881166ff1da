using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Export;

/// <summary>The outcome of an export: the packages written, and why any expected package was not.</summary>
public sealed record ExportResult(DatabaseInfo Database, IReadOnlyList<PackageSummary> Packages, IReadOnlyList<string> Skipped);
