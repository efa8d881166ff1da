using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources;

/// <summary>
/// Where an export reads a Constructive database from: PostgreSQL directly, or a GraphQL API.
/// Rows stream one at a time; nothing here holds a whole table.
/// </summary>
public interface IExportSource : IAsyncDisposable
{
    /// <summary>Where the data comes from, for messages: host and database or endpoint, never a secret.</summary>
    string Description { get; }

    /// <summary>The rows of <c>metaschema_public.database</c>, ordered by name then id.</summary>
    Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken);

    /// <summary>One database row, or null when no row has that id.</summary>
    Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken);

    /// <summary>The database's rows of <c>metaschema_public.schema</c>, ordered by id.</summary>
    Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken);

    /// <summary>
    /// The tables of the given schemas that hold per-database rows (a <c>database_id</c> column, or
    /// <c>metaschema_public.database</c> itself) and that this source can read.
    /// </summary>
    Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken);

    /// <summary>
    /// True when a table or column this source does not show does not exist (PostgreSQL's catalog); false when the
    /// source may hide what exists (a GraphQL API hides what smart tags, grants or plugins hide), so a table of the
    /// chosen schema version it does not show is reported as hidden instead of skipped quietly (spec "Manifest").
    /// </summary>
    bool ShowsWholeSchema { get; }

    /// <summary>
    /// Which of <paramref name="candidates"/> (the built-in schema versions) the source's schema is closest to, and why
    /// (<see cref="SchemaVersionChoice.Closest"/>): over SQL from the catalog's columns, over GraphQL from the tables and
    /// fields the API exposes.
    /// </summary>
    Task<SchemaVersionChoice> ChooseSchemaVersionAsync(IReadOnlyList<ExportManifest> candidates, CancellationToken cancellationToken);

    /// <summary>
    /// The table's columns and keys, or null when the source does not have the table. <paramref name="expected"/> is the
    /// chosen schema version's entry for the table (null when it has none): a source that may hide columns reads each
    /// of its columns or lists it in <see cref="TableShape.Unread"/> with why, and reads a field it does not list only
    /// when the field is certainly a column (else <see cref="TableShape.NotColumns"/>). The catalog ignores it.
    /// </summary>
    Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="DescribeTableAsync"/> for several tables, in their order; a source that can answer all of them in one
    /// round trip (PostgreSQL's catalog) does, others describe them one by one.
    /// </summary>
    async Task<IReadOnlyList<TableShape?>> DescribeTablesAsync(
        IReadOnlyList<(TableRef Table, ManifestTable? Expected)> tables,
        CancellationToken cancellationToken
    )
    {
        var shapes = new List<TableShape?>(tables.Count);
        foreach (var (table, expected) in tables)
            shapes.Add(await DescribeTableAsync(table, expected, cancellationToken).ConfigureAwait(false));
        return shapes;
    }

    /// <summary>The database's rows of the table, ordered by the table's key, reading exactly <paramref name="shape"/>'s columns.</summary>
    IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="shapes"/> have rows for the database, in their order, so that an export reads only those:
    /// an empty table writes no change (spec "Service package"), yet reading it costs requests of its own. Null when the
    /// source cannot tell more cheaply than by reading each table (the default). PostgreSQL answers for every table in
    /// one query (an EXISTS per table), in the same snapshot the rows are then read from, so the answer holds for them.
    /// </summary>
    Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(
        IReadOnlyList<TableShape> shapes,
        Guid databaseId,
        CancellationToken cancellationToken
    ) => Task.FromResult<IReadOnlyList<bool>?>(null);

    /// <summary>
    /// How many rows <see cref="ReadRowsAsync"/> would yield, for a preview (-WhatIf) that says what it would write without
    /// writing it. A source that can count without handing the rows out (PostgreSQL's <c>count(*)</c>) overrides this; the
    /// default reads and counts them.
    /// </summary>
    async Task<long> CountRowsAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var _ in ReadRowsAsync(shape, databaseId, cancellationToken).ConfigureAwait(false))
            count++;
        return count;
    }

    /// <summary>
    /// How many rows <see cref="ReadSqlActionsAsync"/> would yield (see <see cref="CountRowsAsync"/>); the default reads and counts
    /// them.
    /// </summary>
    async Task<long> CountSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    )
    {
        long count = 0;
        await foreach (var _ in ReadSqlActionsAsync(databaseId, excludeCategories, cancellationToken).ConfigureAwait(false))
            count++;
        return count;
    }

    /// <summary>Whether this source can read <c>db_migrate.sql_actions</c>, and if not, why.</summary>
    Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Why no service package is written when no meta table has a row of the database, as the end of the sentence "No
    /// service package was written: …". A source of given rows says none were given instead of that the database has none.
    /// </summary>
    string NoMetaRowsReason(DatabaseInfo database) => $"the database {database.Name} has no rows in any meta table";

    /// <summary>The database's sql_actions ordered by id, leaving out the given categories (a NULL category is always kept).</summary>
    IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The distinct categories of the database's sql_actions (NULL left out), in ordinal order, so that a category to
    /// exclude that no row has (a typo) is refused instead of exporting what was meant to be left out, and for tab
    /// completion of -ExcludeCategory; null when the source cannot tell (its rows do not say their category). The default
    /// reads every action once more and collects them; a source that can ask for the distinct values alone (PostgreSQL)
    /// overrides this.
    /// </summary>
    async Task<IReadOnlyCollection<string>?> GetSqlActionCategoriesAsync(Guid databaseId, CancellationToken cancellationToken) =>
        await SqlActionCategories
            .CollectAsync(ReadSqlActionsAsync(databaseId, [], cancellationToken), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// From now until the returned handle is disposed, every read sees the data as it was at this moment, where
    /// the source can promise that (PostgreSQL: one exported snapshot shared by all its connections). A GraphQL
    /// API cannot, and returns a handle that does nothing.
    /// </summary>
    Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken);
}
