namespace Pgpm.Export.Exporting;

/// <summary>
/// Where the export running on this async flow reports progress, for the parts that cannot be handed a receiver: a
/// source outlives any one export (a cmdlet's -Source serves many commands), so a rate limit its client meets is
/// reported to the export that is waiting on it, through this ambient receiver (an <see cref="AsyncLocal{T}"/>, as
/// <c>Activity.Current</c> carries a trace), not to whoever opened the source.
/// </summary>
public static class ExportProgressScope
{
    private static readonly AsyncLocal<IProgress<ExportProgress>?> Current = new();

    /// <summary>Makes <paramref name="progress"/> the receiver for this flow until the result is disposed.</summary>
    public static IDisposable Begin(IProgress<ExportProgress>? progress)
    {
        var previous = Current.Value;
        Current.Value = progress;
        return new Restore(previous);
    }

    /// <summary>Reports to the export running on this flow, if any.</summary>
    public static void Report(ExportProgress value) => Current.Value?.Report(value);

    private sealed class Restore(IProgress<ExportProgress>? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
