using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// A package fully written to its staging directory (its plan too: <see cref="PackageBuilder.CreatePlan"/>) but not yet moved into place,
/// so an export can
/// commit both packages only after both were read without error.
/// </summary>
/// <param name="pending">What it holds, as a caller is shown it before the move (see <see cref="PendingPackage"/>).</param>
internal sealed class StagedPackage(
    PackageBuilder builder,
    PackageMetadata metadata,
    PackageKind kind,
    long rows,
    Func<PendingPackage> pending
) : IDisposable
{
    public string Name => builder.Name;
    public bool TargetExists => Directory.Exists(builder.TargetPath);

    public PendingPackage Pending() => pending();

    public PackageSummary Commit(bool replaceExisting) => builder.Commit(metadata, kind, rows, replaceExisting);

    public void Dispose() => builder.Dispose();
}
