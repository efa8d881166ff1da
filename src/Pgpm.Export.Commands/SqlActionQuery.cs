using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;

namespace Pgpm.Export.Commands;

/// <summary>Get-ExportSqlAction: a database's db_migrate.sql_actions rows, by id, leaving out the given categories.</summary>
public static class SqlActionQuery
{
    public static async Task RunAsync(
        PgpmExportSource source,
        DatabaseChoice database,
        IReadOnlyList<string>? excludeCategories,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        var support = await source.Inner.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false);
        if (!support.Available)
            throw new ExportException(
                ExportErrorKind.Unavailable,
                ErrorId.SqlActionsUnavailable,
                $"{source.Description} cannot give db_migrate.sql_actions: {support.Reason}."
            );
        var resolved = await database.ResolveAsync(source, cancellationToken).ConfigureAwait(false);
        var databaseId = resolved.Id;
        await ExcludedCategories
            .CheckAsync(source.Inner, resolved, excludeCategories ?? [], new CommandLog(output), cancellationToken)
            .ConfigureAwait(false);
        await foreach (
            var action in source.Inner.ReadSqlActionsAsync(databaseId, excludeCategories ?? [], cancellationToken).ConfigureAwait(false)
        )
            await output.WriteObjectAsync(SqlActionInput.ToRecord(action, databaseId), cancellationToken).ConfigureAwait(false);
    }
}
