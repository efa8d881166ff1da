namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Looks for a secret everywhere an export leaves text: its log, its error (with every inner exception and stack) and its
/// files.</summary>
public static class Secrets
{
    /// <returns>Where the secret was found, or null when it was found nowhere.</returns>
    public static string? Find(string secret, RecordingLog log, Exception? error, string directory, params string[] moreText)
    {
        if (log.Verbose.Concat(log.Warnings).Any(line => line.Contains(secret, StringComparison.Ordinal)))
            return "the log";
        if (error is not null && error.ToString().Contains(secret, StringComparison.Ordinal))
            return "the exception";
        if (moreText.Any(text => text.Contains(secret, StringComparison.Ordinal)))
            return "the command's output";
        foreach (var (path, bytes) in TempDirectory.Snapshot(directory))
            if (
                System.Text.Encoding.UTF8.GetString(bytes).Contains(secret, StringComparison.Ordinal)
                || path.Contains(secret, StringComparison.Ordinal)
            )
                return "the file " + path;
        return null;
    }
}
