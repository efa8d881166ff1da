using Pgpm.Export.Logging;

namespace Pgpm.Export.Commands.Pipeline;

/// <summary>The engine's log as Verbose and Warning records.</summary>
public sealed class CommandLog(ICommandOutput output) : IExportLog
{
    public void Verbose(string message) => output.WriteVerbose(message);

    public void Warning(string message) => output.WriteWarning(message);
}
