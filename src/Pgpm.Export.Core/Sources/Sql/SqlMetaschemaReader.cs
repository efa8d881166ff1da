using Npgsql;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>The server's databases, and the Constructive databases and schemas <c>metaschema_public</c> records.</summary>
internal sealed class SqlMetaschemaReader(SqlSession session)
{
    /// <summary>The server's databases other than templates and <c>postgres</c>.</summary>
    public async Task<IReadOnlyList<string>> ListServerDatabasesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var name in session.QueryAsync(SqlCatalogQueries.ServerDatabases, [], "listing the server's databases",
                           r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            names.Add(name);
        return names;
    }

    public async Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken)
    {
        var databases = new List<DatabaseInfo>();
        await foreach (var database in session.QueryAsync(SqlCatalogQueries.Databases, [], "listing metaschema_public.database", ReadDatabase,
                           cancellationToken, missingTableIsNotConstructive: true).ConfigureAwait(false))
            databases.Add(database);
        return databases;
    }

    public async Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        // Read to the end (the id is the key: one row at most). Leaving the read early cancels the query, and a cancel
        // request is a connection of its own that can land on the next statement of the pooled connection.
        DatabaseInfo? found = null;
        await foreach (var database in session.QueryAsync(SqlCatalogQueries.Database, [databaseId], "reading metaschema_public.database",
                           ReadDatabase, cancellationToken, missingTableIsNotConstructive: true).ConfigureAwait(false))
            found ??= database;
        return found;
    }

    public async Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken)
    {
        var schemas = new List<SchemaInfo>();
        await foreach (var schema in session.QueryAsync(SqlCatalogQueries.Schemas, [databaseId], "reading metaschema_public.schema",
                           r => new SchemaInfo(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3)), cancellationToken,
                           missingTableIsNotConstructive: true).ConfigureAwait(false))
            schemas.Add(schema);
        return schemas;
    }

    private static DatabaseInfo ReadDatabase(NpgsqlDataReader record) =>
        new(record.GetGuid(0), record.IsDBNull(1) ? "" : record.GetString(1), record.NullableString(2), record.NullableString(3));
}
