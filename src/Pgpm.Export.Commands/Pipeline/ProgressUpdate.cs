namespace Pgpm.Export.Commands.Pipeline;

/// <summary>One Write-Progress record: <see cref="Completed"/> closes the activity.</summary>
public sealed record ProgressUpdate(int ActivityId, string Activity, string Status, bool Completed = false);
