namespace Pgpm.Export.Sources.GraphQL.Transport;

/// <summary>
/// Every request to one endpoint passes this gate, so that the tables read at once back off together when the server
/// rate-limits (HTTP 429, as Constructive's server does past its per-minute rate and burst): after a 429 no request
/// starts before its Retry-After has passed, and the number of requests in flight is halved (down to one), then raised
/// by one after each run of that many successes (additive increase, multiplicative decrease, as TCP congestion control).
/// Without 429s the gate lets every request through at once.
/// </summary>
internal sealed class RateLimitGate(TimeProvider? time = null)
{
    /// <summary>The most requests in flight the gate ever allows; above the exporter's own concurrency, so it only
    /// binds after a 429.</summary>
    public const int Unlimited = 64;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _limit = Unlimited;
    private int _inFlight;
    private int _successes;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <summary>Requests allowed in flight now.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
                return _limit;
        }
    }

    /// <summary>Waits for a free slot and for any Retry-After to pass; dispose the result when the request is answered.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource? turn = null;
            TimeSpan wait;
            lock (_lock)
            {
                wait = _notBefore - _time.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    if (_inFlight < _limit)
                    {
                        _inFlight++;
                        return new Slot(this);
                    }
                    turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _waiting.AddLast(turn);
                }
            }
            if (turn is null)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await using (cancellationToken.Register(() => Cancel(turn)).ConfigureAwait(false))
                await turn.Task.ConfigureAwait(false);
        }
    }

    /// <summary>The server said 429: hold every request until <paramref name="retryAfter"/> has passed and halve the
    /// requests in flight.</summary>
    public void RateLimited(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = _time.GetUtcNow() + retryAfter;
            if (until > _notBefore)
                _notBefore = until;
            _limit = Math.Max(1, Math.Min(_limit, _inFlight) / 2);
            _successes = 0;
        }
    }

    /// <summary>A request was answered without 429: after as many successes as the limit allows at once, allow one more.</summary>
    public void Succeeded()
    {
        lock (_lock)
        {
            if (_limit >= Unlimited || ++_successes < _limit)
                return;
            _successes = 0;
            _limit++;
            WakeOne();
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            _inFlight--;
            WakeOne();
        }
    }

    private void WakeOne()
    {
        if (_waiting.First is not { } first)
            return;
        _waiting.RemoveFirst();
        first.Value.TrySetResult();
    }

    private void Cancel(TaskCompletionSource turn)
    {
        lock (_lock)
            _waiting.Remove(turn);
        turn.TrySetCanceled();
    }

    private sealed class Slot(RateLimitGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave();
        }
    }
}
