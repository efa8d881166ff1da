namespace Pgpm.Export.Commands.Pipeline;

/// <summary>
/// Where a command's async work writes, from any thread. Objects wait for room (so a stopped pipeline
/// stops the reading behind it); questions wait for the pipeline thread's answer.
/// </summary>
public interface ICommandOutput
{
    ValueTask WriteObjectAsync(object value, CancellationToken cancellationToken);
    void WriteError(CommandError error);
    void WriteWarning(string message);
    void WriteVerbose(string message);
    void WriteProgress(ProgressUpdate progress);
    ValueTask<bool> ShouldProcessAsync(string target, string action, string whatIf, CancellationToken cancellationToken);
    ValueTask<bool?> ShouldContinueAsync(string query, string caption, CancellationToken cancellationToken);
}
