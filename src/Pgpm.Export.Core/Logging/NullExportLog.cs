namespace Pgpm.Export.Logging;

public sealed class NullExportLog : IExportLog
{
    public static readonly NullExportLog Instance = new();

    public void Verbose(string message) { }

    public void Warning(string message) { }
}
