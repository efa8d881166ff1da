using Npgsql;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>The server's databases, and the Constructive databases and schemas <c>metaschema_public</c> records.</summary>
internal sealed class SqlMetaschemaReader(SqlSession session)
{
    /// <summary>The server's databases other than templates and <c>postgres</c>.</summary>
    public async Task<IReadOnlyList<string>> ListServerDatabasesAsync(CancellationToken cancellationToken) =>
        await session
            .ListAsync(SqlCatalogQueries.ServerDatabases, [], "listing the server's databases", r => r.GetString(0), cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken) =>
        await session
            .ListAsync(
                SqlCatalogQueries.Databases,
                [],
                "listing metaschema_public.database",
                ReadDatabase,
                cancellationToken,
                missingTableIsNotConstructive: true
            )
            .ConfigureAwait(false);

    /// <summary>
    /// Reads to the end (the id is the key: one row at most). Leaving the read early cancels the query, and a cancel
    /// request is a connection of its own that can land on the next statement of the pooled connection.
    /// </summary>
    public async Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken) =>
        (
            await session
                .ListAsync(
                    SqlCatalogQueries.Database,
                    [databaseId],
                    "reading metaschema_public.database",
                    ReadDatabase,
                    cancellationToken,
                    missingTableIsNotConstructive: true
                )
                .ConfigureAwait(false)
        ).FirstOrDefault();

    public async Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken) =>
        await session
            .ListAsync(
                SqlCatalogQueries.Schemas,
                [databaseId],
                "reading metaschema_public.schema",
                r => new SchemaInfo(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3)),
                cancellationToken,
                missingTableIsNotConstructive: true
            )
            .ConfigureAwait(false);

    private static DatabaseInfo ReadDatabase(NpgsqlDataReader record) =>
        new(record.GetGuid(0), record.IsDBNull(1) ? "" : record.GetString(1), record.NullableString(2), record.NullableString(3));
}
