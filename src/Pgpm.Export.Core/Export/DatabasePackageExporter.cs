using Pgpm.Export.Errors;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Export;

/// <summary>
/// The database package: one change per <c>db_migrate.sql_actions</c> row, ordered by id, with the
/// schema renaming applied to names, dependencies, notes and bodies. Scripts are written as rows arrive;
/// only the plan lines are kept until the end.
/// </summary>
internal static class DatabasePackageExporter
{
    public static async Task<(StagedPackage? Staged, string? Skipped)> StageAsync(ExportContext context, string packageName, CancellationToken cancellationToken)
    {
        var support = await context.Source.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false);
        if (!support.Available)
            return (null, $"No database package was written: {support.Reason}.");

        var builder = new PackageBuilder(context.Workspace, packageName);
        try
        {
            var plan = await WriteChangesAsync(context, builder, cancellationToken).ConfigureAwait(false);
            if (plan.Count == 0)
            {
                builder.Dispose();
                var filtered = context.Options.ExcludeCategories.Count > 0 ? " outside the excluded categories" : "";
                return (null, $"No database package was written: the database {context.Database.Name} has no sql_actions rows{filtered}.");
            }
            var metadata = new PackageMetadata(packageName, $"{packageName} database schema for {context.Database.Name}", PackageMetadata.DatabaseRequires, context.Author);
            return (new StagedPackage(builder, metadata, PlanFile.Render(packageName, plan, context.Author), PackageKind.Database, plan.Count), null);
        }
        catch
        {
            builder.Dispose();
            throw;
        }
    }

    private static async Task<List<PlanChange>> WriteChangesAsync(ExportContext context, PackageBuilder builder, CancellationToken cancellationToken)
    {
        var renamer = context.Renamer;
        var plan = new List<PlanChange>();
        using var slot = await context.ReadSlots.TakeAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var action in context.Source.ReadSqlActionsAsync(context.Database.Id, context.Options.ExcludeCategories, cancellationToken).ConfigureAwait(false))
        {
            var origin = $"sql_actions row {action.Id}";
            var change = renamer.Apply(action.Deploy ?? "");
            builder.ClaimChange(change, origin);
            var deps = action.Deps.Select(renamer.Apply).ToList();
            foreach (var dep in deps)
            {
                var problem = ChangeName.DependencyProblem(dep);
                if (problem is not null)
                    throw new ExportException(ExportErrorKind.InvalidData, "DependencyInvalid",
                        $"{origin} ('{change}') depends on {PackageBuilder.Printable(dep)}, which cannot go in a plan: {problem}.");
            }

            await builder.WriteScriptAsync("deploy", change, ScriptTemplates.Deploy(change, deps, renamer.ApplyOrNull(action.Content)), cancellationToken).ConfigureAwait(false);
            await builder.WriteScriptAsync("revert", change, ScriptTemplates.Revert(change, renamer.ApplyOrNull(action.Revert)), cancellationToken).ConfigureAwait(false);
            await builder.WriteScriptAsync("verify", change, ScriptTemplates.Verify(change, renamer.ApplyOrNull(action.Verify)), cancellationToken).ConfigureAwait(false);
            plan.Add(new PlanChange(change, deps, action.Name is null ? change : renamer.Apply(action.Name)));
            if (plan.Count % 100 == 0)
                context.Progress?.Report(new ExportProgress(MetaSchemas.SqlActionsTable, plan.Count, Completed: false));
        }
        context.Progress?.Report(new ExportProgress(MetaSchemas.SqlActionsTable, plan.Count, Completed: true));
        return plan;
    }
}
