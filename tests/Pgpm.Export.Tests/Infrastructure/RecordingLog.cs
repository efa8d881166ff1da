using Pgpm.Export.Logging;

namespace Pgpm.Export.Tests.Infrastructure;

public sealed class RecordingLog : IExportLog
{
    public List<string> Verbose { get; } = [];
    public List<string> Warnings { get; } = [];

    void IExportLog.Verbose(string message)
    {
        lock (Verbose)
            Verbose.Add(message);
    }

    void IExportLog.Warning(string message)
    {
        lock (Warnings)
            Warnings.Add(message);
    }
}
