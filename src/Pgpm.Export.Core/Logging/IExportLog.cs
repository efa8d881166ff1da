namespace Pgpm.Export.Logging;

/// <summary>Where the engine says what it is doing: the CLI prints it, the cmdlets write Verbose and Warning records.</summary>
public interface IExportLog
{
    void Verbose(string message);
    void Warning(string message);
}
