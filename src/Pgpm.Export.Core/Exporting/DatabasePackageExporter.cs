using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// The database package: one change per <c>db_migrate.sql_actions</c> row, read in id order and planned in a
/// deployable order (<see cref="PlanOrder"/>), with the schema renaming and the package-name placeholder applied to
/// names, dependencies, notes and bodies. Scripts and plan lines are written as rows arrive; only a change that must wait
/// for a later one is kept.
/// </summary>
internal static class DatabasePackageExporter
{
    public static async Task<(StagedPackage? Staged, string? Skipped)> StageAsync(
        ExportContext context,
        string packageName,
        CancellationToken cancellationToken
    )
    {
        var support = await context.Source.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false);
        if (!support.Available)
        {
            context.Progress?.Report(new TablesPlanned([])); // the export's plan is whole only once each package has said its own
            return (null, NoSqlActions(support));
        }

        var builder = new PackageBuilder(context.Workspace, packageName);
        try
        {
            var changes = await WriteChangesAsync(context, packageName, builder, cancellationToken).ConfigureAwait(false);
            if (changes == 0)
            {
                builder.Dispose();
                return (null, NoRows(context));
            }
            var metadata = new PackageMetadata(
                packageName,
                $"{packageName} database schema for {context.Database.Name}",
                PackageMetadata.DatabaseRequires,
                context.Author
            );
            return (
                new StagedPackage(builder, metadata, PackageKind.Database, changes, () =>
                    PendingPackage.Database(packageName, builder.TargetPath, changes)
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
    /// What the package would hold, from the count of sql_actions rows alone (-WhatIf): nothing is read beyond the count and
    /// nothing is written, so the rows' own problems (a change name pgpm refuses, a missing dependency) show only in a real export.
    /// </summary>
    public static async Task<(PendingPackage? Pending, string? Skipped)> PreviewAsync(
        ExportContext context,
        string packageName,
        CancellationToken cancellationToken
    )
    {
        var support = await context.Source.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false);
        if (!support.Available)
            return (null, NoSqlActions(support));
        PackageBuilder.CheckName(packageName);
        var count = await context
            .Source.CountSqlActionsAsync(context.Database.Id, context.Options.ExcludeCategories, cancellationToken)
            .ConfigureAwait(false);
        return count == 0
            ? (null, NoRows(context))
            : (PendingPackage.Database(packageName, context.Workspace.PackagePath(packageName), count), null);
    }

    private static string NoSqlActions(SqlActionsSupport support) => $"No database package was written: {support.Reason}.";

    private static string NoRows(ExportContext context)
    {
        var filtered = context.Options.ExcludeCategories.Count > 0 ? " outside the excluded categories" : "";
        return $"No database package was written: the database {context.Database.Name} has no sql_actions rows{filtered}.";
    }

    /// <summary>
    /// Writes every change's scripts and its plan line as the rows arrive (<see cref="PlanOrder"/>: a change is held only
    /// while it waits for a later one it depends on) and returns how many changes the plan has.
    /// </summary>
    private static async Task<int> WriteChangesAsync(
        ExportContext context,
        string packageName,
        PackageBuilder builder,
        CancellationToken cancellationToken
    )
    {
        var renamer = context.Renamer.ForPackage(packageName);
        using var plan = builder.CreatePlan(context.Author);
        var order = new PlanOrder(plan.Write);
        var rows = 0;
        context.Progress?.Report(new TablesPlanned([MetaSchemas.SqlActionsTable]));
        using var slot = await context.ReadSlots.TakeAsync(cancellationToken).ConfigureAwait(false);
        await foreach (
            var action in context
                .Source.ReadSqlActionsAsync(context.Database.Id, context.Options.ExcludeCategories, cancellationToken)
                .ConfigureAwait(false)
        )
        {
            var origin = $"sql_actions row {action.Id}";
            var change = renamer.Apply(action.Deploy ?? "");
            builder.ClaimChange(change, origin);
            var deps = action.Deps.Select(renamer.Apply).ToList();
            var local = LocalDependencies(packageName, change, origin, deps, context.Log);

            cancellationToken.ThrowIfCancellationRequested();
            WriteScript(
                builder,
                "deploy",
                change,
                ScriptTemplates.DeployPrefix(change, deps),
                action.Content,
                ScriptTemplates.DeploySuffix,
                renamer
            );
            WriteScript(builder, "revert", change, ScriptTemplates.RevertPrefix(change), action.Revert, ScriptTemplates.Suffix, renamer);
            WriteScript(builder, "verify", change, ScriptTemplates.VerifyPrefix(change), action.Verify, ScriptTemplates.Suffix, renamer);
            order.Add(
                new PlanOrder.Node(new PlanChange(change, deps, action.Name is null ? change : renamer.Apply(action.Name)), local, origin)
            );
            if (++rows % 100 == 0)
                context.Progress?.Report(new TableProgress(MetaSchemas.SqlActionsTable, rows, Completed: false));
        }
        context.Progress?.Report(new TableProgress(MetaSchemas.SqlActionsTable, rows, Completed: true));
        var excluded = context.Options.ExcludeCategories;
        var filterNote =
            excluded.Count == 0
                ? null
                : $" (rows of the excluded categories {string.Join(", ", excluded)} were left out: {OptionName.ExcludeCategories})";
        order.Complete(filterNote);
        plan.Finish();
        return order.Count;
    }

    /// <summary>
    /// Writes one script as its template's head, the body renamed, and its tail, straight into the file's buffer
    /// (synchronously: see <see cref="PackageBuilder.WriteScriptAsync"/>). A body is never copied into a renamed or a
    /// whole-script string: with thousands of bodies of kilobytes each, those copies were most of what the export allocated.
    /// </summary>
    private static void WriteScript(
        PackageBuilder builder,
        string kind,
        string change,
        string head,
        string? body,
        string tail,
        SchemaRenamer renamer
    )
    {
        using var output = builder.CreateScript(kind, change);
        output.Write(head);
        if (body is not null)
            renamer.WriteTo(body, output);
        output.Write(tail);
        output.Flush();
    }

    /// <summary>
    /// Checks each dependency as pgpm's plan parser reads it and returns those on changes of this package (no
    /// project, or this package's own name), which must then be ordered before the change. A dependency on a tag of
    /// this package is refused: the export writes no tags, so pgpm could not resolve it.
    /// </summary>
    private static List<string> LocalDependencies(
        string packageName,
        string change,
        string origin,
        IReadOnlyList<string> deps,
        IExportLog log
    )
    {
        var local = new List<string>();
        foreach (var dep in deps)
        {
            var parsed = PlanDependency.Parse(dep, out var problem)
                ?? throw new ExportException(
                    ExportErrorKind.InvalidData,
                    ErrorId.DependencyInvalid,
                    $"{origin} ('{change}') depends on {PackageBuilder.Printable(dep)}, which cannot go in a plan: {problem}."
                );
            if (parsed.Project is not null && parsed.Project != packageName)
            {
                // pgpm's parser takes project:change@tag, but its migrator (7.27) then looks for a change named 'change@tag'.
                if (parsed.Change is not null && parsed.Tag is not null)
                    log.Warning(
                        $"{origin} ('{change}') depends on '{dep}'. The plan keeps it, but pgpm's migrator (@pgpmjs/core 7.27) "
                            + "does not resolve project:change@tag "
                            + $"and will refuse to deploy the change; '{parsed.Project}:{parsed.Change}' deploys."
                    );
                continue;
            }
            if (parsed.Tag is not null)
                throw new ExportException(
                    ExportErrorKind.InvalidData,
                    ErrorId.DependencyOnOwnTag,
                    $"{origin} ('{change}') depends on '{dep}', a tag of the package being written ({packageName}), which has no tags; "
                        + "pgpm could not resolve it. Depend on the change itself, or name the package the tag belongs to (project:@tag)."
                );
            local.Add(parsed.Change!);
        }
        return local;
    }
}
