namespace Pgpm.Export.Commands.Pipeline;

/// <summary>
/// One Write-Progress record: <see cref="Completed"/> closes the activity; <see cref="PercentComplete"/> is 0 to 100, or -1
/// when the whole is not known (as ProgressRecord.PercentComplete).
/// </summary>
public sealed record ProgressUpdate(int ActivityId, string Activity, string Status, bool Completed = false, int PercentComplete = -1);
