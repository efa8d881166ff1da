using System.Runtime.ExceptionServices;

namespace Pgpm.Export.Exporting;

/// <summary>
/// Starts work items in index order, each after taking a read slot when slots are given, and waits for all.
/// The first failure cancels the rest; once every item has stopped, the failure of the lowest index is thrown,
/// so the error an export reports does not depend on which read happened to fail first.
/// </summary>
internal static class FailFastTasks
{
    public static async Task RunAsync(
        int count,
        Func<int, CancellationToken, Task> work,
        ReadSlots? slots,
        CancellationToken cancellationToken
    )
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task>(count);
        for (var index = 0; index < count && !failFast.IsCancellationRequested; index++)
        {
            IDisposable? slot = null;
            if (slots is not null)
            {
                try
                {
                    slot = await slots.TakeAsync(failFast.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            tasks.Add(RunOneAsync(index, slot));
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            // Every task has stopped; which failure to report is chosen below.
        }
        var failure = tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var task in tasks)
            await task.ConfigureAwait(false);

        async Task RunOneAsync(int index, IDisposable? slot)
        {
            try
            {
                await work(index, failFast.Token).ConfigureAwait(false);
            }
            catch
            {
                failFast.Cancel();
                throw;
            }
            finally
            {
                slot?.Dispose();
            }
        }
    }
}
