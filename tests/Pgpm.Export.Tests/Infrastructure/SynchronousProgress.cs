namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>An IProgress that reports on the caller's thread, so a test sees each report before the export moves on.</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
