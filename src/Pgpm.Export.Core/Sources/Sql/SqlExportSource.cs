using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// Reads a Constructive database directly from PostgreSQL. Every value is a bound parameter, but for the database id in
/// a COPY (a uuid literal). The work is done by the readers behind it, all on one <see cref="SqlSession"/>.
/// </summary>
public sealed class SqlExportSource : IExportSource
{
    private readonly SqlSession _session;
    private readonly SqlMetaschemaReader _metaschema;
    private readonly SqlCatalogReader _catalog;
    private readonly SqlRowReader _rows;
    private readonly SqlActionsReader _actions;

    private SqlExportSource(SqlSession session, IExportLog log)
    {
        _session = session;
        _metaschema = new SqlMetaschemaReader(session);
        _catalog = new SqlCatalogReader(session);
        _rows = new SqlRowReader(session);
        _actions = new SqlActionsReader(session, log);
    }

    public string Description => _session.Description;

    /// <summary>Opens the source and checks that the server answers, so a bad connection string fails here.</summary>
    public static async Task<SqlExportSource> OpenAsync(
        string connectionString,
        IExportLog? log = null,
        CancellationToken cancellationToken = default
    )
    {
        var (dataSource, description) = SqlConnectionSettings.BuildDataSource(connectionString);
        var source = new SqlExportSource(new SqlSession(dataSource, description), log ?? NullExportLog.Instance);
        try
        {
            await using var connection = await source._session.OpenConnectionAsync("connecting", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return source;
    }

    /// <summary>The server's databases other than templates and <c>postgres</c>.</summary>
    public Task<IReadOnlyList<string>> ListServerDatabasesAsync(CancellationToken cancellationToken) =>
        _metaschema.ListServerDatabasesAsync(cancellationToken);

    public Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken cancellationToken) =>
        _metaschema.ListDatabasesAsync(cancellationToken);

    public Task<DatabaseInfo?> GetDatabaseAsync(Guid databaseId, CancellationToken cancellationToken) =>
        _metaschema.GetDatabaseAsync(databaseId, cancellationToken);

    public Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid databaseId, CancellationToken cancellationToken) =>
        _metaschema.GetSchemasAsync(databaseId, cancellationToken);

    public Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken cancellationToken) =>
        _catalog.ListTablesAsync(schemas, cancellationToken);

    /// <summary>The catalog shows every table and column there is.</summary>
    public bool ShowsWholeSchema => true;

    public Task<SchemaVersionChoice> ChooseSchemaVersionAsync(
        IReadOnlyList<ExportManifest> candidates,
        CancellationToken cancellationToken
    ) => _catalog.ChooseSchemaVersionAsync(candidates, cancellationToken);

    /// <summary>The one table's shape, from the catalog query that describes many (<see cref="DescribeTablesAsync"/>).</summary>
    public async Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken cancellationToken) =>
        (await _catalog.DescribeTablesAsync([table], $"reading the columns of {table}", cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Every table's shape from one catalog query (<see cref="SqlCatalogQueries.TableColumns"/>), instead of a round
    /// trip per table.
    /// </summary>
    public Task<IReadOnlyList<TableShape?>> DescribeTablesAsync(
        IReadOnlyList<(TableRef Table, ManifestTable? Expected)> tables,
        CancellationToken cancellationToken
    ) => _catalog.DescribeTablesAsync(tables.Select(t => t.Table).ToList(), "reading the columns of the meta tables", cancellationToken);

    public IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken) =>
        _rows.ReadAsync(shape, databaseId, cancellationToken);

    public Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(
        IReadOnlyList<TableShape> shapes,
        Guid databaseId,
        CancellationToken cancellationToken
    ) => _rows.FindTablesWithRowsAsync(shapes, databaseId, cancellationToken);

    public Task<long> CountRowsAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken) =>
        _rows.CountAsync(shape, databaseId, cancellationToken);

    public Task<long> CountSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    ) => _actions.CountAsync(databaseId, excludeCategories, cancellationToken);

    public Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken cancellationToken) =>
        _actions.GetSupportAsync(cancellationToken);

    public Task<IReadOnlyCollection<string>?> GetSqlActionCategoriesAsync(Guid databaseId, CancellationToken cancellationToken) =>
        _actions.GetCategoriesAsync(databaseId, cancellationToken);

    public IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    ) => _actions.ReadAsync(databaseId, excludeCategories, cancellationToken);

    /// <summary>
    /// A manifest for the schema this server has (<see cref="SqlManifestDeriver"/>). Used to ship the built-in manifests
    /// and by users whose schema version differs.
    /// </summary>
    /// <param name="version">
    /// The version to record; null takes the metaschema-schema extension's version when it is installed as one, else none.
    /// </param>
    public Task<ExportManifest> DeriveManifestAsync(CancellationToken cancellationToken, string? version = null) =>
        new SqlManifestDeriver(_session, _catalog).DeriveAsync(version, cancellationToken);

    /// <summary>
    /// Pins the moment every later query reads (see <see cref="SqlSnapshot"/>). When one is already pinned, the
    /// reads are already consistent and the returned handle does nothing.
    /// </summary>
    public Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken) =>
        _session.BeginConsistentReadAsync(cancellationToken);

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
