using System.Runtime.CompilerServices;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A real source whose reads of two tables fail: <paramref name="later"/> at once, and <paramref name="earlier"/>
/// only after that, so the later table's failure is always the first to happen.
/// </summary>
public sealed class FailingTableSource(IExportSource inner, TableRef earlier, TableRef later) : IExportSource
{
    private readonly TaskCompletionSource _laterFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        if (shape.Table == later)
        {
            _laterFailed.TrySetResult();
            throw new ExportException(ExportErrorKind.Connection, "LaterTableFailed", $"reading {later} failed");
        }
        if (shape.Table == earlier)
        {
            // Not cancellable on purpose: this read fails with its own error even after the other failure cancelled it.
            await _laterFailed.Task;
            throw new ExportException(ExportErrorKind.Connection, "EarlierTableFailed", $"reading {earlier} failed");
        }
        await foreach (var row in inner.ReadRowsAsync(shape, databaseId, ct)) yield return row;
    }
}
