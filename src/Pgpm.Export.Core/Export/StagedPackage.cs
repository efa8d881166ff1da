using Pgpm.Export.Writing;

namespace Pgpm.Export.Export;

/// <summary>
/// A package fully written to its staging directory but not yet moved into place, so an export can
/// commit both packages only after both were read without error.
/// </summary>
internal sealed class StagedPackage(PackageBuilder builder, PackageMetadata metadata, string planText, PackageKind kind, long rows) : IDisposable
{
    public string Name => builder.Name;
    public bool TargetExists => Directory.Exists(builder.TargetPath);

    public PendingPackage Pending() => new(Name, kind, builder.TargetPath, TargetExists, builder.PendingFiles(metadata));

    public PackageSummary Commit(bool replaceExisting) => builder.Commit(metadata, planText, kind, rows, replaceExisting);

    public void Dispose() => builder.Dispose();
}
