namespace Pgpm.Export.Commands.Pipeline;

/// <summary>
/// The pipeline side of a command: a cmdlet's Write* and ShouldProcess methods. Called only on the
/// thread that runs the cmdlet, as PowerShell requires; a call may throw to stop the pipeline.
/// </summary>
public interface IPipelineHost
{
    void WriteObject(object value);
    void WriteError(CommandError error);
    void WriteWarning(string message);
    void WriteVerbose(string message);
    void WriteProgress(ProgressUpdate progress);

    /// <param name="target">What is written, e.g. the package folder.</param>
    /// <param name="action">The operation, e.g. "Write package pets (12 files)".</param>
    /// <param name="whatIf">The full description -WhatIf prints, e.g. the list of files.</param>
    bool ShouldProcess(string target, string action, string whatIf);

    /// <summary>Asks the user to go on; null when the host cannot ask (a non-interactive session, or -Confirm:$false).</summary>
    bool? ShouldContinue(string query, string caption);
}
