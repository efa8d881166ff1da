using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A real source that counts how many row streams (meta tables and sql_actions) are open at once. With a
/// gate, the first <c>gate</c> table streams wait until that many are open together, which only an exporter that
/// really reads tables at once can satisfy; a sequential one fails the wait instead of hanging.
/// </summary>
public sealed class OverlapProbeSource(IExportSource inner, int gate = 0) : DelegatingSource(inner)
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _gateOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _open;
    private int _maximum;
    private int _tableStreams;

    public int MaximumOpen => Volatile.Read(ref _maximum);

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        Opened();
        try
        {
            if (Interlocked.Increment(ref _tableStreams) <= gate)
            {
                if (Volatile.Read(ref _tableStreams) >= gate)
                    _gateOpen.TrySetResult();
                try
                {
                    await _gateOpen.Task.WaitAsync(GateTimeout, ct);
                }
                catch (TimeoutException)
                {
                    throw new InvalidOperationException(
                        $"Only {Volatile.Read(ref _open)} row streams were open at once; the gate waited for {gate}."
                    );
                }
            }
            await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
                yield return row;
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    public override async IAsyncEnumerable<SqlAction> ReadSqlActionsAsync(
        Guid id,
        IReadOnlyCollection<string> exclude,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        Opened();
        try
        {
            await foreach (var action in Inner.ReadSqlActionsAsync(id, exclude, ct))
                yield return action;
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private void Opened()
    {
        var open = Interlocked.Increment(ref _open);
        int seen;
        while (open > (seen = Volatile.Read(ref _maximum)) && Interlocked.CompareExchange(ref _maximum, open, seen) != seen) { }
    }
}
