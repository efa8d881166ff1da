namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A clock that moves only when the test moves it, for what depends on the time (a rate-limit wait's countdown).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
