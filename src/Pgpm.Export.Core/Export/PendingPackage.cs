using Pgpm.Export.Writing;

namespace Pgpm.Export.Export;

/// <summary>
/// A package read and staged in full, about to be moved into place: what a caller is shown before it
/// agrees to the write (PowerShell's -WhatIf and -Confirm).
/// </summary>
/// <param name="Files">The paths the package will hold, relative to <paramref name="TargetPath"/>, in ordinal order.</param>
public sealed record PendingPackage(string Name, PackageKind Kind, string TargetPath, bool Exists, IReadOnlyList<string> Files);
