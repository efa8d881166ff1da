namespace Pgpm.Export.Logging;

/// <summary>Passes messages on one at a time, for a log that concurrent table reads share.</summary>
public sealed class SynchronizedExportLog(IExportLog inner) : IExportLog
{
    private readonly object _gate = new();

    public void Verbose(string message)
    {
        lock (_gate)
            inner.Verbose(message);
    }

    public void Warning(string message)
    {
        lock (_gate)
            inner.Warning(message);
    }
}
