using System.Text.RegularExpressions;

namespace Pgpm.Export.Writing;

/// <summary>
/// Directories an export no longer wants (a stopped or failed export's staging, a replaced package's old files),
/// deleted in the background so that a stop (Ctrl+C) returns at once, however many files were staged. Each is first
/// renamed inside its own parent to a hidden name of this module's own, <c>.pgpm-export-trash-</c> and 32 hex digits:
/// one atomic rename on the same file system, so the package name is free again at once and nothing half-deleted ever
/// looks like a package. A successful export waits for its deletions before it returns; a stopped one does not.
/// <para>
/// What a process that died before its deletions ended left behind (its trash, or a staging <c>.NAME.partial-HEX</c> or
/// <c>.NAME.replaced-HEX</c> directory) the next export into that workspace removes (<see cref="Sweep"/>), under the
/// workspace lock, so no export that could still own them is running. Nothing of any other name is ever touched.
/// When the process exits normally (pwsh's exit, the command line's end after Ctrl+C) it first waits for pending deletions.
/// </para>
/// </summary>
public static partial class DiscardedDirectories
{
    private const string TrashPrefix = ".pgpm-export-trash-";

    /// <summary>How long a normal process exit waits for pending deletions before it leaves the rest to the next export's sweep.</summary>
    private static readonly TimeSpan ExitPatience = TimeSpan.FromSeconds(60);

    private static readonly object Gate = new();
    private static readonly HashSet<string> Deleting = new(StringComparer.Ordinal);
    private static readonly HashSet<Task> Pending = [];

    static DiscardedDirectories() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => WhenDeletedAsync().Wait(ExitPatience);

    /// <summary>
    /// Completes when every deletion started so far in this process has ended (and the emptied workspace directories
    /// were removed); never faults. For a host that wants to wait after a stop, and for tests: the signal to wait on
    /// instead of a sleep.
    /// </summary>
    public static Task WhenDeletedAsync()
    {
        lock (Gate) return Task.WhenAll(Pending);
    }

    /// <summary>
    /// Renames <paramref name="directory"/> to a trash name beside it and deletes it in the background; returns the
    /// deletion (never faults). When the rename fails (the directory is gone, or is in use on Windows) it is deleted
    /// where it is, still in the background.
    /// </summary>
    internal static Task Discard(string directory)
    {
        var trash = Path.Combine(Path.GetDirectoryName(directory)!, TrashPrefix + Guid.NewGuid().ToString("N"));
        string target;
        try
        {
            Directory.Move(directory, trash);
            target = trash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            target = directory;
        }
        return DeleteInBackground(target);
    }

    /// <summary>
    /// Discards what an earlier export into <paramref name="packagesPath"/> left behind when its process died: this
    /// module's trash, staging and replaced directories (by exact name pattern; never a symbolic link, never anything
    /// else). The caller must hold the workspace lock. Returns the deletions started.
    /// </summary>
    internal static IReadOnlyList<Task> Sweep(string packagesPath)
    {
        var started = new List<Task>();
        if (!Directory.Exists(packagesPath)) return started;
        foreach (var entry in new DirectoryInfo(packagesPath).EnumerateDirectories())
        {
            if (entry.LinkTarget is not null || !LeftBehind().IsMatch(entry.Name)) continue;
            lock (Gate)
                if (Deleting.Contains(entry.FullName)) continue;
            started.Add(entry.Name.StartsWith(TrashPrefix, StringComparison.Ordinal) ? DeleteInBackground(entry.FullName) : Discard(entry.FullName));
        }
        return started;
    }

    /// <summary>Counts <paramref name="work"/> among the pending deletions (so <see cref="WhenDeletedAsync"/> and a process exit wait for it).</summary>
    internal static Task Track(Task work)
    {
        var tracked = work.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        lock (Gate) Pending.Add(tracked);
        tracked.ContinueWith(t =>
        {
            lock (Gate) Pending.Remove(t);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return tracked;
    }

    private static Task DeleteInBackground(string path)
    {
        lock (Gate)
            if (!Deleting.Add(path)) return Task.CompletedTask;
        return Track(Task.Run(() =>
        {
            try
            {
                Delete(path);
            }
            finally
            {
                lock (Gate) Deleting.Remove(path);
            }
        }));
    }

    /// <summary>
    /// Deletes the package's top folders (deploy, revert, verify: a third of the files each) side by side, then the rest:
    /// unlinking is mostly waiting on the file system, so this is what makes the command line's exit after Ctrl+C prompt.
    /// Errors are swallowed: what cannot be deleted now the next export's sweep retries.
    /// </summary>
    private static void Delete(string path)
    {
        try
        {
            var children = new DirectoryInfo(path).GetDirectories();
            Parallel.ForEach(children, child => TryDelete(child.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        TryDelete(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The names this module gives the directories it discards or stages: <c>.pgpm-export-trash-HEX</c>, <c>.NAME.partial-HEX</c>, <c>.NAME.replaced-HEX</c>.</summary>
    [GeneratedRegex(@"\A(\.pgpm-export-trash-[0-9a-f]{32}|\..+\.(partial|replaced)-[0-9a-f]{32})\z", RegexOptions.CultureInvariant)]
    private static partial Regex LeftBehind();
}
