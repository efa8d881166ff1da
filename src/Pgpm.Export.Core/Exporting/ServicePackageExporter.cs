using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// The service package: one change <c>migrate/&lt;table&gt;</c> per meta table with rows for the
/// database, in manifest order, each depending on the previous one. Several tables are read at once
/// (<see cref="ExportOptions.Concurrency"/>), each streaming from the source straight into its own deploy
/// script; the plan is assembled in manifest order afterwards, so the bytes do not depend on the interleaving.
/// </summary>
internal static class ServicePackageExporter
{
    public static async Task<(StagedPackage? Staged, string? Skipped)> StageAsync(
        ExportContext context,
        string packageName,
        CancellationToken cancellationToken
    )
    {
        var builder = new PackageBuilder(context.Workspace, packageName);
        try
        {
            // The placeholder in a meta row's text names this package, like everything else this package writes.
            var (plan, changes) = await WriteChangesAsync(
                    context with
                    {
                        Renamer = context.Renamer.ForPackage(packageName),
                    },
                    builder,
                    cancellationToken
                )
                .ConfigureAwait(false);
            if (plan.Count == 0)
            {
                builder.Dispose();
                return (null, NoRows(context));
            }
            var metadata = new PackageMetadata(
                packageName,
                $"{packageName} service utilities for managing domains, APIs, and services",
                PackageMetadata.ServiceRequires,
                context.Author
            );
            var written = changes.Where(c => c.Rows > 0).Select(c => (c.Name, c.Rows)).ToList();
            builder.WritePlan(plan, context.Author);
            return (
                new StagedPackage(builder, metadata, PackageKind.Service, written.Sum(c => c.Rows), () =>
                    PendingPackage.Service(packageName, builder.TargetPath, written)
                ),
                null
            );
        }
        catch
        {
            builder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the package would hold, from each table's row count alone (-WhatIf): the tables are described and the column
    /// contract checked as for an export, but no row is read and nothing is written.
    /// </summary>
    public static async Task<(PendingPackage? Pending, string? Skipped)> PreviewAsync(
        ExportContext context,
        string packageName,
        CancellationToken cancellationToken
    )
    {
        PackageBuilder.CheckName(packageName);
        var (changes, shapes) = await DescribeAsync(context, cancellationToken).ConfigureAwait(false);
        var mayHaveRows = await MayHaveRowsAsync(context, shapes, cancellationToken).ConfigureAwait(false);
        await FailFastTasks
            .RunAsync(
                changes.Count,
                async (index, ct) =>
                {
                    if (shapes[index] is { } shape && mayHaveRows[index])
                        changes[index].Rows = await context
                            .Source.CountRowsAsync(ColumnRules.ExportedColumns(shape, changes[index].Entry), context.Database.Id, ct)
                            .ConfigureAwait(false);
                },
                context.ReadSlots,
                cancellationToken
            )
            .ConfigureAwait(false);
        var written = changes.Where(c => c.Rows > 0).Select(c => (c.Name, c.Rows)).ToList();
        return written.Count == 0
            ? (null, NoRows(context))
            : (PendingPackage.Service(packageName, context.Workspace.PackagePath(packageName), written), null);
    }

    private static string NoRows(ExportContext context) =>
        $"No service package was written: {context.Source.NoMetaRowsReason(context.Database)}.";

    /// <summary>
    /// The meta tables in plan order with their shapes (null for a table the source does not have). Every table is
    /// described before any is read, so the column contract names everything that is missing at once.
    /// </summary>
    private static async Task<(List<MetaTableChange> Changes, TableShape?[] Shapes)> DescribeAsync(
        ExportContext context,
        CancellationToken cancellationToken
    )
    {
        var order = await TableOrder.ForExportAsync(context.Source, context.Manifest, context.Log, cancellationToken).ConfigureAwait(false);
        var changes = order.Select(t => new MetaTableChange(t.Table, t.Entry)).ToList();
        var shapes = (
            await context
                .Source.DescribeTablesAsync(changes.Select(c => (c.Table, c.Entry)).ToList(), cancellationToken)
                .ConfigureAwait(false)
        ).ToArray();
        ColumnContract.Check(context, changes.Select((c, i) => (c.Table, c.Entry, shapes[i])).ToList());
        return (changes, shapes);
    }

    private static async Task<(List<PlanChange> Plan, List<MetaTableChange> Changes)> WriteChangesAsync(
        ExportContext context,
        PackageBuilder builder,
        CancellationToken cancellationToken
    )
    {
        var (changes, shapes) = await DescribeAsync(context, cancellationToken).ConfigureAwait(false);
        var mayHaveRows = await MayHaveRowsAsync(context, shapes, cancellationToken).ConfigureAwait(false);
        context.Progress?.Report(new TablesPlanned(changes.Where((_, i) => shapes[i] is not null).Select(c => c.Table).ToList()));
        await FailFastTasks
            .RunAsync(
                changes.Count,
                (index, ct) => MetaTableScripts.WriteTableAsync(context, builder, changes, shapes[index], mayHaveRows[index], index, ct),
                context.ReadSlots,
                cancellationToken
            )
            .ConfigureAwait(false);

        var plan = new List<PlanChange>();
        foreach (var change in changes.Where(c => c.Rows > 0))
            plan.Add(new PlanChange(change.Name, plan.Count > 0 ? [plan[^1].Name] : [], change.Name));
        return (plan, changes);
    }

    /// <summary>
    /// Per table, false when the source already knows it has no rows for the database, so it is not read at all (one
    /// query for every table over SQL instead of a COPY each); true when it may have rows or the source cannot tell.
    /// When asking fails, every table is read on its own, so a table at fault fails naming itself.
    /// </summary>
    private static async Task<bool[]> MayHaveRowsAsync(ExportContext context, TableShape?[] shapes, CancellationToken cancellationToken)
    {
        var described = Enumerable.Range(0, shapes.Length).Where(i => shapes[i] is not null).ToList();
        IReadOnlyList<bool>? answer;
        try
        {
            answer = await context
                .Source.FindTablesWithRowsAsync(described.Select(i => shapes[i]!).ToList(), context.Database.Id, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ExportException e)
        {
            context.Log.Verbose($"Reading every meta table, since asking which have rows failed: {e.Message}");
            answer = null;
        }
        var mayHaveRows = Enumerable.Repeat(true, shapes.Length).ToArray();
        if (answer is not null)
            for (var k = 0; k < described.Count; k++)
                mayHaveRows[described[k]] = answer[k];
        return mayHaveRows;
    }
}
