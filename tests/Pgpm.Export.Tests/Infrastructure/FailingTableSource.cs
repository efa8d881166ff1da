using System.Runtime.CompilerServices;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A real source whose reads of two tables fail: <paramref name="later"/> at once, and <paramref name="earlier"/>
/// only after that, so the later table's failure is always the first to happen.
/// </summary>
public sealed class FailingTableSource(IExportSource inner, TableRef earlier, TableRef later) : DelegatingSource(inner)
{
    private readonly TaskCompletionSource _laterFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
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
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
            yield return row;
    }
}
