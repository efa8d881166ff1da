using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Export;

/// <summary>
/// The service package: one change <c>migrate/&lt;table&gt;</c> per meta table with rows for the
/// database, in manifest order, each depending on the previous one. Rows stream from the source
/// straight into the deploy script.
/// </summary>
internal static class ServicePackageExporter
{
    public const string Header = """
        SET session_replication_role TO replica;
        -- using replica in case we are deploying triggers to metaschema_public

        -- unaccent, postgis affected and require grants
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public to public;

        DO $LQLMIGRATION$
          DECLARE
          BEGIN

            EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), 'app_user');
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), 'app_admin');

          END;
        $LQLMIGRATION$;
        """;

    public static async Task<(StagedPackage? Staged, string? Skipped)> StageAsync(ExportContext context, string packageName, CancellationToken cancellationToken)
    {
        var builder = new PackageBuilder(context.Workspace, packageName);
        try
        {
            var (plan, rows) = await WriteChangesAsync(context, builder, cancellationToken).ConfigureAwait(false);
            if (plan.Count == 0)
            {
                builder.Dispose();
                return (null, $"No service package was written: the database {context.Database.Name} has no rows in any meta table.");
            }
            var metadata = new PackageMetadata(packageName, $"{packageName} service utilities for managing domains, APIs, and services", PackageMetadata.ServiceRequires, context.Author);
            return (new StagedPackage(builder, metadata, PlanFile.Render(packageName, plan, context.Author), PackageKind.Service, rows), null);
        }
        catch
        {
            builder.Dispose();
            throw;
        }
    }

    private static async Task<(List<PlanChange> Plan, long Rows)> WriteChangesAsync(ExportContext context, PackageBuilder builder, CancellationToken cancellationToken)
    {
        var plan = new List<PlanChange>();
        long totalRows = 0;
        foreach (var (table, entry) in await TableOrder.ForExportAsync(context.Source, context.Options.Manifest, context.Log, cancellationToken).ConfigureAwait(false))
        {
            var shape = await context.Source.DescribeTableAsync(table, cancellationToken).ConfigureAwait(false);
            if (shape is null)
            {
                context.Log.Verbose($"Skipping {table}: {context.Source.Description} does not have it.");
                continue;
            }
            var change = "migrate/" + table.Name;
            var previous = plan.Count > 0 ? plan[^1].Name : null;
            var rows = await WriteTableAsync(context, builder, ColumnRules.ExportedColumns(shape, entry), entry?.OnConflictDoNothing ?? false, change, previous, cancellationToken).ConfigureAwait(false);
            if (rows == 0) continue;
            plan.Add(new PlanChange(change, previous is null ? [] : [previous], change));
            totalRows += rows;
        }
        return (plan, totalRows);
    }

    private static async Task<long> WriteTableAsync(ExportContext context, PackageBuilder builder, TableShape shape, bool onConflictDoNothing, string change, string? previous, CancellationToken cancellationToken)
    {
        var databaseId = context.Database.Id;
        StreamWriter? writer = null;
        InsertStatementWriter? insert = null;
        try
        {
            await foreach (var row in context.Source.ReadRowsAsync(shape, databaseId, cancellationToken).ConfigureAwait(false))
            {
                if (writer is null)
                {
                    builder.ClaimChange(change, $"the table {shape.Table}");
                    writer = builder.CreateScript("deploy", change);
                    await writer.WriteAsync(ScriptTemplates.DeployPrefix(change, previous is null ? [] : [previous]) + context.Renamer.Apply(Header) + "\n\n").ConfigureAwait(false);
                    insert = new InsertStatementWriter(writer, shape, context.Renamer, onConflictDoNothing);
                }
                await insert!.WriteRowAsync(row, cancellationToken).ConfigureAwait(false);
                if (insert.Rows % 1000 == 0) context.Progress?.Report(new ExportProgress(shape.Table, insert.Rows, Completed: false));
            }
            if (writer is null || insert is null)
            {
                context.Log.Verbose($"{shape.Table} has no rows for the database; no change written.");
                return 0;
            }
            await insert.FinishAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync("\n\n" + "\nSET session_replication_role TO DEFAULT;" + "\n" + ScriptTemplates.DeploySuffix).ConfigureAwait(false);
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync().ConfigureAwait(false);
        }

        var table = SqlIdentifier.Quoted(shape.Table.Schema) + "." + SqlIdentifier.Quoted(shape.Table.Name);
        var where = $"{SqlIdentifier.Quoted(shape.DatabaseColumn)} = '{databaseId}'";
        await builder.WriteScriptAsync("revert", change, ScriptTemplates.Revert(change,
            $"SET session_replication_role TO replica;\n\nDELETE FROM {table} WHERE {where};\n\nSET session_replication_role TO DEFAULT;\n"), cancellationToken).ConfigureAwait(false);
        await builder.WriteScriptAsync("verify", change, ScriptTemplates.Verify(change,
            $"SELECT 1/(CASE WHEN count(*) >= {insert.Rows} THEN 1 ELSE 0 END) FROM {table} WHERE {where};\n"), cancellationToken).ConfigureAwait(false);
        context.Progress?.Report(new ExportProgress(shape.Table, insert.Rows, Completed: true));
        context.Log.Verbose($"{shape.Table}: {insert.Rows} rows written as {change}.");
        return insert.Rows;
    }
}
