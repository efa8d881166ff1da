using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A real source that counts the rows it has handed out, to prove a stopped pipeline stopped the reading.</summary>
public sealed class CountingSource(IExportSource inner) : IExportSource
{
    private int _rowsRead;

    public int RowsRead => Volatile.Read(ref _rowsRead);
    public string Description => inner.Description;
    public Task<IReadOnlyList<DatabaseInfo>> ListDatabasesAsync(CancellationToken ct) => inner.ListDatabasesAsync(ct);
    public Task<DatabaseInfo?> GetDatabaseAsync(Guid id, CancellationToken ct) => inner.GetDatabaseAsync(id, ct);
    public Task<IReadOnlyList<SchemaInfo>> GetSchemasAsync(Guid id, CancellationToken ct) => inner.GetSchemasAsync(id, ct);
    public Task<IReadOnlyList<TableRef>> ListTablesAsync(IReadOnlyList<string> schemas, CancellationToken ct) => inner.ListTablesAsync(schemas, ct);
    public Task<TableShape?> DescribeTableAsync(TableRef table, CancellationToken ct) => inner.DescribeTableAsync(table, ct);
    public Task<SqlActionsSupport> GetSqlActionsSupportAsync(CancellationToken ct) => inner.GetSqlActionsSupportAsync(ct);
    public IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(Guid id, IReadOnlyCollection<string> exclude, CancellationToken ct) => inner.ReadSqlActionsAsync(id, exclude, ct);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in inner.ReadRowsAsync(shape, databaseId, ct))
        {
            Interlocked.Increment(ref _rowsRead);
            yield return row;
        }
    }
}
