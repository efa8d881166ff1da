namespace Pgpm.Export.Exporting;

/// <summary>
/// How many tables an export reads at once (<see cref="ExportOptions.Concurrency"/>): each table's rows, and the
/// sql_actions, hold one slot while they stream.
/// </summary>
internal sealed class ReadSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(count, count);

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
