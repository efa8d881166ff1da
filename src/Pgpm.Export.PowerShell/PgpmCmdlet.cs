using System.Management.Automation;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// What every cmdlet of the module shares: its async work runs through the pump, so objects, progress and
/// questions reach PowerShell on the pipeline thread; Ctrl+C (StopProcessing) cancels the work; engine
/// errors become error records with stable ids.
/// </summary>
public abstract class PgpmCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The user's Yes to All / No to All to ShouldContinue, for the rest of this pipeline (every piped database).</summary>
    private readonly ContinueAnswers _answers = new();

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// The file-system path a path parameter names, relative paths taken from the current location. A path on another
    /// provider (<c>Env:\x</c>, <c>Variable:\x</c>, a registry drive) is refused: the engine writes files, and PowerShell
    /// would otherwise hand back a path relative to the process's working directory.
    /// </summary>
    /// <exception cref="PipelineStoppedException">Never returns for such a path: a terminating PathNotFileSystem error
    /// (InvalidArgument).</exception>
    internal string FileSystemPath(string path, string parameter)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
            ThrowTerminatingError(
                ErrorRecords.Argument(
                    ErrorId.PathNotFileSystem,
                    $"-{parameter} '{path}' is on the {provider.Name} provider; give a file-system path (a folder or file on disk).",
                    path
                )
            );
        return resolved;
    }

    /// <summary>Runs the work; with <paramref name="perItem"/> an error about one input item is reported and the cmdlet goes on.</summary>
    internal void Run(Func<ICommandOutput, CancellationToken, Task> work, bool perItem = false) =>
        Run<bool>(
            async (output, ct) =>
            {
                await work(output, ct).ConfigureAwait(false);
                return true;
            },
            perItem
        );

    internal T? Run<T>(Func<ICommandOutput, CancellationToken, Task<T>> work, bool perItem = false)
    {
        try
        {
            return CommandPump.Run(new CmdletHost(this, _answers), _stopping.Token, work);
        }
        catch (ExportException e)
        {
            var error = CommandError.From(e);
            if (perItem && error.IsPerItem)
            {
                WriteError(ErrorRecords.From(error));
                return default;
            }
            ThrowTerminatingError(ErrorRecords.From(error));
            throw;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ObjectDisposedException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, ErrorId.SourceClosed, ErrorCategory.InvalidOperation, null));
            throw;
        }
    }
}
