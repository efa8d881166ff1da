namespace Pgpm.Export.Export;

/// <summary>Passes progress reports on one at a time, for a receiver that concurrent table reads share.</summary>
internal sealed class SynchronizedProgress(IProgress<ExportProgress> inner) : IProgress<ExportProgress>
{
    private readonly object _gate = new();

    public void Report(ExportProgress value)
    {
        lock (_gate) inner.Report(value);
    }
}
