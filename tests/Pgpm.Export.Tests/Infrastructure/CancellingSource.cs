using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A real source that cancels the export when the <paramref name="cancelAt"/>-th row (meta row or sql_actions row) has been
/// read.</summary>
public sealed class CancellingSource(IExportSource inner, int cancelAt, CancellationTokenSource cancellation) : DelegatingSource(inner)
{
    private int _rows;

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
        {
            Counted();
            yield return row;
        }
    }

    public override async IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid id,
        IReadOnlyCollection<string> exclude,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        await foreach (var action in Inner.ReadSqlActionsAsync(id, exclude, ct))
        {
            Counted();
            yield return action;
        }
    }

    private void Counted()
    {
        if (Interlocked.Increment(ref _rows) == cancelAt)
            cancellation.Cancel();
    }
}
