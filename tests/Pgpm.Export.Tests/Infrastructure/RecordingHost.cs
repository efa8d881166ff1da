using Pgpm.Export.Commands.Pipeline;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A pipeline host that records everything a command writes, in order, and answers ShouldProcess and
/// ShouldContinue as told. <see cref="StopAfterObjects"/> throws like a downstream Select-Object -First.
/// </summary>
public sealed class RecordingHost : IPipelineHost
{
    public List<object> Objects { get; } = [];
    public List<CommandError> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Verbose { get; } = [];
    public List<ProgressUpdate> Progress { get; } = [];
    public List<(string Target, string Action, string WhatIf)> ShouldProcessCalls { get; } = [];
    public List<string> ShouldContinueCalls { get; } = [];

    /// <summary>Every record in the order it arrived, as text: what the "never in any stream" checks search.</summary>
    public List<string> Transcript { get; } = [];

    /// <summary>The threads the host was called on.</summary>
    public HashSet<int> Threads { get; } = [];

    public bool ShouldProcessAnswer { get; init; } = true;
    public bool ShouldContinueAnswer { get; init; }
    public int? StopAfterObjects { get; init; }
    public Action<ProgressUpdate>? OnProgress { get; init; }

    public void WriteObject(object value)
    {
        Seen();
        if (Objects.Count == StopAfterObjects)
            throw new PipelineStopped();
        Objects.Add(value);
        Transcript.Add("object: " + ObjectText.Of(value));
    }

    public void WriteError(CommandError error)
    {
        Seen();
        Errors.Add(error);
        Transcript.Add($"error: {error.ErrorId} {error.Kind} {error.Message} {error.Target} {error.Exception}");
    }

    public void WriteWarning(string message)
    {
        Seen();
        Warnings.Add(message);
        Transcript.Add("warning: " + message);
    }

    public void WriteVerbose(string message)
    {
        Seen();
        Verbose.Add(message);
        Transcript.Add("verbose: " + message);
    }

    public void WriteProgress(ProgressUpdate progress)
    {
        Seen();
        Progress.Add(progress);
        Transcript.Add($"progress: {progress}");
        OnProgress?.Invoke(progress);
    }

    public bool ShouldProcess(string target, string action, string whatIf)
    {
        Seen();
        ShouldProcessCalls.Add((target, action, whatIf));
        Transcript.Add($"shouldprocess: {target} {action} {whatIf}");
        return ShouldProcessAnswer;
    }

    public bool? ShouldContinue(string query, string caption)
    {
        Seen();
        ShouldContinueCalls.Add(query);
        Transcript.Add($"shouldcontinue: {caption} {query}");
        return ShouldContinueAnswer;
    }

    private void Seen()
    {
        lock (Threads)
            Threads.Add(Environment.CurrentManagedThreadId);
    }

    /// <summary>What a downstream command that wants no more objects throws into the upstream one.</summary>
    public sealed class PipelineStopped : Exception;
}
