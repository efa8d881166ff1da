using System.Management.Automation;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;

namespace Pgpm.Export.PowerShell;

/// <summary>The pipeline side of the pump: forwards to the cmdlet's own Write* and ShouldProcess on the pipeline thread.</summary>
internal sealed class CmdletHost(PSCmdlet cmdlet, ContinueAnswers answers) : IPipelineHost
{
    /// <summary>The name pwsh's own console host reports (<c>$Host.Name</c>).</summary>
    private const string ConsoleHostName = "ConsoleHost";

    /// <summary>The host of a background job (Start-Job) and of a remote session (<c>$Host.Name</c> there).</summary>
    private const string RemoteHostName = "ServerRemoteHost";

    public void WriteObject(object value) => cmdlet.WriteObject(value is RowRecord row ? PipelineObjects.ToPSObject(row) : value);

    public void WriteError(CommandError error) => cmdlet.WriteError(ErrorRecords.From(error));

    public void WriteWarning(string message) => cmdlet.WriteWarning(OptionName.Render(message, Vocabulary.PowerShell));

    public void WriteVerbose(string message) => cmdlet.WriteVerbose(OptionName.Render(message, Vocabulary.PowerShell));

    public void WriteProgress(ProgressUpdate progress) =>
        cmdlet.WriteProgress(
            new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
            {
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                PercentComplete = progress.PercentComplete,
            }
        );

    public bool ShouldProcess(string target, string action, string whatIf) =>
        cmdlet.ShouldProcess(whatIf, $"{action} at '{target}'?", "Confirm");

    /// <summary>
    /// ShouldContinue, except where no one can answer: under -Confirm:$false the user asked not to be prompted, and a
    /// non-interactive host (pwsh -NonInteractive, a job, a runbook) throws instead of asking. pwsh's console host with
    /// its input redirected (stdin from /dev/null, a pipe, a scheduler) is not asked at all: it would print the question
    /// and its caption, then fail (NullReferenceException) when the input ends, leaving a question on screen that no one
    /// could answer. A job's or remote session's host forwards the question to a caller that is not reading it: Start-Job
    /// sat Blocked until someone called Receive-Job. All give null, so the command raises only its own error naming -Force. A script that
    /// must replace
    /// packages unattended says so with -Force, as PowerShell's own commands expect.
    /// </summary>
    public bool? ShouldContinue(string query, string caption)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter { IsPresent: false })
            return null;
        if ((cmdlet.Host.Name == ConsoleHostName && Console.IsInputRedirected) || cmdlet.Host.Name == RemoteHostName)
            return null;
        try
        {
            return cmdlet.ShouldContinue(query, caption, ref answers.YesToAll, ref answers.NoToAll);
        }
        catch (Exception e)
            when (e is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException
                || (e is NullReferenceException && Console.IsInputRedirected)
            )
        {
            return null;
        }
    }
}

/// <summary>What ShouldContinue's "Yes to All" and "No to All" set: one cmdlet call asks at most once more after either.</summary>
internal sealed class ContinueAnswers
{
    public bool YesToAll;
    public bool NoToAll;
}
