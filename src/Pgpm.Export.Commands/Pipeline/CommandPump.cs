using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Pgpm.Export.Commands.Pipeline;

/// <summary>
/// Runs a command's async work off the pipeline thread and carries everything it writes back to the
/// pipeline thread, in order, while that thread waits. When the pipeline stops taking objects (a
/// downstream Select-Object -First, Ctrl+C) the work is cancelled and waited for before the stop goes
/// on, so nothing of it runs after the cmdlet returns.
/// </summary>
public static class CommandPump
{
    /// <summary>How many objects the work may run ahead of the pipeline.</summary>
    public const int ObjectsInFlight = 16;

    public static void Run(IPipelineHost host, CancellationToken stopping, Func<ICommandOutput, CancellationToken, Task> work) =>
        Run<bool>(host, stopping, async (output, ct) =>
        {
            await work(output, ct).ConfigureAwait(false);
            return true;
        });

    public static T Run<T>(IPipelineHost host, CancellationToken stopping, Func<ICommandOutput, CancellationToken, Task<T>> work)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var queue = Channel.CreateUnbounded<Action<IPipelineHost>>(new UnboundedChannelOptions { SingleReader = true });
        using var output = new QueuedOutput(queue.Writer);
        var running = Task.Run(async () =>
        {
            try
            {
                return await work(output, cancel.Token).ConfigureAwait(false);
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        });

        try
        {
            while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            while (queue.Reader.TryRead(out var deliver))
                deliver(host);
        }
        catch (Exception pipelineStopped)
        {
            cancel.Cancel();
            output.Close();
            try
            {
                running.GetAwaiter().GetResult();
            }
            catch
            {
                // The work's own failure (most often its cancellation) is not the news: the pipeline's stop is.
            }
            ExceptionDispatchInfo.Capture(pipelineStopped).Throw();
            throw;
        }
        return running.GetAwaiter().GetResult();
    }

    private sealed class QueuedOutput(ChannelWriter<Action<IPipelineHost>> queue) : ICommandOutput, IDisposable
    {
        private readonly SemaphoreSlim _room = new(ObjectsInFlight, ObjectsInFlight);
        private readonly CancellationTokenSource _closed = new();

        public async ValueTask WriteObjectAsync(object value, CancellationToken cancellationToken)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            await _room.WaitAsync(either.Token).ConfigureAwait(false);
            Send(host =>
            {
                try
                {
                    host.WriteObject(value);
                }
                finally
                {
                    _room.Release();
                }
            });
        }

        public void WriteError(CommandError error) => Send(host => host.WriteError(error));

        public void WriteWarning(string message) => Send(host => host.WriteWarning(message));

        public void WriteVerbose(string message) => Send(host => host.WriteVerbose(message));

        public void WriteProgress(ProgressUpdate progress) => Send(host => host.WriteProgress(progress));

        public ValueTask<bool> ShouldProcessAsync(string target, string action, string whatIf, CancellationToken cancellationToken) =>
            AskAsync(host => host.ShouldProcess(target, action, whatIf), cancellationToken);

        public ValueTask<bool?> ShouldContinueAsync(string query, string caption, CancellationToken cancellationToken) =>
            AskAsync(host => host.ShouldContinue(query, caption), cancellationToken);

        /// <summary>Stops accepting: whatever the work writes from now on is dropped, and waits for room end.</summary>
        public void Close() => _closed.Cancel();

        public void Dispose()
        {
            _closed.Dispose();
            _room.Dispose();
        }

        private async ValueTask<T> AskAsync<T>(Func<IPipelineHost, T> question, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var cancelled = cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
            using var closed = _closed.Token.Register(() => answer.TrySetCanceled());
            Send(host =>
            {
                try
                {
                    answer.TrySetResult(question(host));
                }
                catch (Exception e)
                {
                    answer.TrySetException(e);
                    throw;
                }
            });
            return await answer.Task.ConfigureAwait(false);
        }

        private void Send(Action<IPipelineHost> deliver)
        {
            if (!_closed.IsCancellationRequested)
                queue.TryWrite(deliver);
        }
    }
}
