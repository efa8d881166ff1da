using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A real source passed through unchanged, for test wrappers that watch or break one part of it; they override
/// only what they change. Disposing leaves the inner source to its owner.
/// </summary>
public abstract class DelegatingSource(IExportSource inner) : IExportSource
{
    protected IExportSource Inner => inner;

    public string Description => inner.Description;

    public Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken ct) => inner.ListDatabasesAsync(ct);

    public Task<DatabaseInfo?> GetDatabaseAsync(Guid id, CancellationToken ct) => inner.GetDatabaseAsync(id, ct);

    public Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid id, CancellationToken ct) => inner.GetSchemasAsync(id, ct);

    public Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken ct) =>
        inner.ListTablesAsync(schemas, ct);

    public bool ShowsWholeSchema => inner.ShowsWholeSchema;

    public Task<SchemaVersionChoice> ChooseSchemaVersionAsync(IReadOnlyList<ExportManifest> candidates, CancellationToken ct) =>
        inner.ChooseSchemaVersionAsync(candidates, ct);

    public Task<TableShape?> DescribeTableAsync(TableRef table, ManifestTable? expected, CancellationToken ct) =>
        inner.DescribeTableAsync(table, expected, ct);

    public Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken ct) => inner.GetSqlActionsSupportAsync(ct);

    public string NoMetaRowsReason(DatabaseInfo database) => inner.NoMetaRowsReason(database);

    public virtual IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, CancellationToken ct) =>
        inner.ReadRowsAsync(shape, databaseId, ct);

    public virtual IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(Guid id, IReadOnlyCollection<string> exclude, CancellationToken ct) =>
        inner.ReadSqlActionsAsync(id, exclude, ct);

    public virtual Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(
        IReadOnlyList<TableShape> shapes,
        Guid databaseId,
        CancellationToken ct
    ) => inner.FindTablesWithRowsAsync(shapes, databaseId, ct);

    public virtual Task<long> CountRowsAsync(TableShape shape, Guid databaseId, CancellationToken ct) =>
        inner.CountRowsAsync(shape, databaseId, ct);

    public virtual Task<long> CountSqlActionsAsync(Guid id, IReadOnlyCollection<string> exclude, CancellationToken ct) =>
        inner.CountSqlActionsAsync(id, exclude, ct);

    public virtual Task<IReadOnlyCollection<string>?> GetSqlActionCategoriesAsync(Guid id, CancellationToken ct) =>
        inner.GetSqlActionCategoriesAsync(id, ct);

    public Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken ct) => inner.BeginConsistentReadAsync(ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
