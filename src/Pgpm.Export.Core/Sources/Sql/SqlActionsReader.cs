using Npgsql;
using Pgpm.Export.Logging;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// The database's <c>db_migrate.sql_actions</c>. Older schemas have no category column: then every action is read, and
/// asking to exclude a category says so.
/// </summary>
internal sealed class SqlActionsReader(SqlSession session, IExportLog log)
{
    public async Task<SqlActionsSupport> GetSupportAsync(CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
            return SqlActionsSupport.No($"the database at {session.Description} has no db_migrate.sql_actions table");
        return SqlActionsSupport.Yes;
    }

    /// <summary>
    /// The distinct categories, from one query; null when sql_actions has no category column (then a warning says
    /// nothing is excluded).
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> GetCategoriesAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        if (!(await ColumnsAsync(cancellationToken).ConfigureAwait(false)).Contains("category"))
            return null;
        return await session
            .ListAsync(
                SqlRowQueries.SqlActionCategories,
                [databaseId],
                "listing the categories of db_migrate.sql_actions",
                r => r.GetString(0),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    public async Task<long> CountAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, CancellationToken cancellationToken)
    {
        var (sql, parameters) = await QueryAsync(databaseId, excludeCategories, count: true, cancellationToken).ConfigureAwait(false);
        return (
            await session
                .ListAsync(sql, parameters, "counting db_migrate.sql_actions", r => r.GetInt64(0), cancellationToken)
                .ConfigureAwait(false)
        ).FirstOrDefault();
    }

    public async IAsyncEnumerable<SqlAction> ReadAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var (sql, parameters) = await QueryAsync(databaseId, excludeCategories, count: false, cancellationToken).ConfigureAwait(false);
        await foreach (
            var action in session
                .QueryAsync(sql, parameters, "reading db_migrate.sql_actions", ReadAction, cancellationToken)
                .ConfigureAwait(false)
        )
            yield return action;
    }

    /// <summary>
    /// The query for the database's sql_actions (or their count) outside the excluded categories, which needs a
    /// category column.
    /// </summary>
    private async Task<(string Sql, object[] Parameters)> QueryAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        bool count,
        CancellationToken cancellationToken
    )
    {
        var columns = await ColumnsAsync(cancellationToken).ConfigureAwait(false);
        var hasCategory = columns.Contains("category");
        if (!hasCategory && excludeCategories.Count > 0)
            log.Warning("db_migrate.sql_actions has no category column, so no category can be excluded; exporting every action.");
        var excluding = hasCategory && excludeCategories.Count > 0;
        object[] parameters = excluding ? [databaseId, excludeCategories.ToArray()] : [databaseId];
        var sql = count ? SqlRowQueries.SqlActionsCount(hasCategory, excluding) : SqlRowQueries.SqlActions(hasCategory, excluding);
        return (sql, parameters);
    }

    private async Task<HashSet<string>> ColumnsAsync(CancellationToken cancellationToken) =>
        (
            await session
                .ListAsync(
                    SqlCatalogQueries.SqlActionsColumns,
                    [],
                    "looking for db_migrate.sql_actions",
                    r => r.GetString(0),
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).ToHashSet(StringComparer.Ordinal);

    private static SqlAction ReadAction(NpgsqlDataReader record)
    {
        var id = record.GetInt64(0);
        var name = record.NullableString(1);
        var deploy = record.NullableString(2);
        string[] deps = record.IsDBNull(3) ? [] : record.GetFieldValue<string?[]>(3).OfType<string>().ToArray();
        return new SqlAction(
            id,
            name,
            deploy,
            deps,
            Content: record.NullableString(4),
            Revert: record.NullableString(5),
            Verify: record.NullableString(6),
            Category: record.NullableString(7)
        );
    }
}
