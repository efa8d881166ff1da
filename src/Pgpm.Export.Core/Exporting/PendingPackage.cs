using Pgpm.Export.Logging;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// A package about to be written, as a caller is shown it before it agrees to the write (PowerShell's -WhatIf and
/// -Confirm): after a whole read, staged and ready to move into place; in a preview, from the source's counts alone.
/// </summary>
/// <param name="Changes">The changes its plan would hold.</param>
/// <param name="Rows">sql_actions rows (database package) or meta rows (service package) it would hold.</param>
/// <param name="Contents">What it would write, one line each: its changes' scripts, then the plan and package files.</param>
public sealed record PendingPackage(
    string Name,
    PackageKind Kind,
    string TargetPath,
    bool Exists,
    long Changes,
    long Rows,
    IReadOnlyList<string> Contents
)
{
    /// <summary>The database package of <paramref name="changes"/> sql_actions rows.</summary>
    internal static PendingPackage Database(string name, string targetPath, long changes) =>
        new(
            name,
            PackageKind.Database,
            targetPath,
            Directory.Exists(targetPath),
            changes,
            changes,
            [
                $"deploy/, revert/ and verify/: one script each for the {Counted.Of(changes, "change")} of db_migrate.sql_actions",
                .. PackageFiles(name, targetPath),
            ]
        );

    /// <summary>The service package of one <c>migrate/&lt;table&gt;</c> change per table with rows, in plan order.</summary>
    internal static PendingPackage Service(string name, string targetPath, IReadOnlyList<(string Change, long Rows)> changes) =>
        new(
            name,
            PackageKind.Service,
            targetPath,
            Directory.Exists(targetPath),
            changes.Count,
            changes.Sum(c => c.Rows),
            [
                .. changes.Select(c => $"{c.Change}: {Counted.Of(c.Rows, "row")} (deploy/, revert/ and verify/{c.Change}.sql)"),
                .. PackageFiles(name, targetPath),
            ]
        );

    private static IEnumerable<string> PackageFiles(string name, string targetPath) =>
        Directory.Exists(targetPath)
            ? ["pgpm.plan", $"{name}.control (its requires merged)", "its other files (package.json, README.md, ...) are kept"]
            : ["pgpm.plan", $"{name}.control", "Makefile", "package.json"];
}
