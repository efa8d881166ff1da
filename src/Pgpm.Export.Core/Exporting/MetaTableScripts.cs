using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Exporting;

/// <summary>
/// One meta table's change in the service package: its rows streamed from the source into the deploy script, and the
/// revert and verify scripts that delete and count them.
/// </summary>
internal static class MetaTableScripts
{
    /// <summary>The start of every deploy script of the service package, after the pgpm prefix.</summary>
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

    /// <summary>Writes the change of the table at <paramref name="index"/>, or records why there is none.</summary>
    public static async Task WriteTableAsync(
        ExportContext context,
        PackageBuilder builder,
        IReadOnlyList<MetaTableChange> changes,
        TableShape? shape,
        bool mayHaveRows,
        int index,
        CancellationToken cancellationToken
    )
    {
        var change = changes[index];
        try
        {
            if (shape is null)
            {
                change.Found(false);
                return;
            }
            if (!mayHaveRows)
            {
                NoRowsWritten(context, shape.Table, change);
                return;
            }
            change.Rows = await WriteRowsAsync(
                    context,
                    builder,
                    ColumnRules.ExportedColumns(shape, change.Entry),
                    change,
                    changes.Take(index),
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        catch (Exception e)
        {
            change.Failed(e);
            throw;
        }
    }

    private static void NoRowsWritten(ExportContext context, TableRef table, MetaTableChange change)
    {
        context.Log.Verbose($"{table} has no rows for the database; no change written.");
        change.Found(false);
        context.Progress?.Report(new TableProgress(table, 0, Completed: true));
    }

    private static async Task<long> WriteRowsAsync(
        ExportContext context,
        PackageBuilder builder,
        TableShape shape,
        MetaTableChange change,
        IEnumerable<MetaTableChange> earlier,
        CancellationToken cancellationToken
    )
    {
        var databaseId = context.Database.Id;
        var onConflictDoNothing = change.Entry?.OnConflictDoNothing ?? false;
        await using var rows = context.Source.ReadRowsAsync(shape, databaseId, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await rows.MoveNextAsync().ConfigureAwait(false))
        {
            NoRowsWritten(context, shape.Table, change);
            return 0;
        }

        // The change depends on the nearest earlier table with rows. Waiting for all earlier tables also makes
        // changes claimed in manifest order, so a clash is reported the same way however the reads interleave.
        string? previous = null;
        foreach (var earlierChange in earlier)
            if (await earlierChange.HasRows.ConfigureAwait(false))
                previous = earlierChange.Name;
        builder.ClaimChange(change.Name, $"the table {shape.Table}");
        change.Found(true);

        InsertStatementWriter insert;
        using (var output = builder.CreateScript("deploy", change.Name))
        {
            output.Write(
                ScriptTemplates.DeployPrefix(change.Name, previous is null ? [] : [previous]) + context.Renamer.Apply(Header) + "\n\n"
            );
            insert = new InsertStatementWriter(output, shape, context.Renamer, onConflictDoNothing);
            do
            {
                // A source may hand out rows it already holds without looking at the token (a page of a GraphQL answer).
                cancellationToken.ThrowIfCancellationRequested();
                insert.WriteRow(rows.Current);
                if (insert.Rows % 1000 == 0)
                    context.Progress?.Report(new TableProgress(shape.Table, insert.Rows, Completed: false));
            } while (await rows.MoveNextAsync().ConfigureAwait(false));
            insert.Finish();
            output.Write("\n\n" + "\nSET session_replication_role TO DEFAULT;" + "\n" + ScriptTemplates.DeploySuffix);
            output.Flush();
        }

        var table = SqlIdentifier.Quoted(shape.Table.Schema) + "." + SqlIdentifier.Quoted(shape.Table.Name);
        var where = $"{SqlIdentifier.Quoted(shape.DatabaseColumn)} = '{databaseId}'";
        await builder
            .WriteScriptAsync(
                "revert",
                change.Name,
                ScriptTemplates.Revert(
                    change.Name,
                    "SET session_replication_role TO replica;\n\n"
                        + $"DELETE FROM {table} WHERE {where};\n\nSET session_replication_role TO DEFAULT;\n"
                ),
                cancellationToken
            )
            .ConfigureAwait(false);
        await builder
            .WriteScriptAsync(
                "verify",
                change.Name,
                ScriptTemplates.Verify(
                    change.Name,
                    $"SELECT 1/(CASE WHEN count(*) >= {insert.Rows} THEN 1 ELSE 0 END) FROM {table} WHERE {where};\n"
                ),
                cancellationToken
            )
            .ConfigureAwait(false);
        context.Progress?.Report(new TableProgress(shape.Table, insert.Rows, Completed: true));
        context.Log.Verbose($"{shape.Table}: {Counted.Of(insert.Rows, "row")} written as {change.Name}.");
        return insert.Rows;
    }
}
