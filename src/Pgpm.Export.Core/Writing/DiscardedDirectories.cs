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

    static DiscardedDirectories() => AppDomain.CurrentDomain.ProcessExit += (_, _) => WhenDeletedAsync().Wait(ExitPatience);

    /// <summary>
    /// Completes when every deletion started so far in this process has ended (and the emptied workspace directories
    /// were removed); never faults. For a host that wants to wait after a stop, and for tests: the signal to wait on
    /// instead of a sleep.
    /// </summary>
    public static Task WhenDeletedAsync()
    {
        lock (Gate)
            return Task.WhenAll(Pending);
    }

    /// <summary>
    /// Renames <paramref name="directory"/> to a trash name beside it and deletes it in the background; returns the
    /// deletion (never faults). When the rename fails (the directory is gone, or is in use on Windows) it is deleted
    /// where it is, still in the background. <paramref name="knownFiles"/> (paths relative to the directory, some perhaps
    /// never written) are the files the caller knows it put there: they are deleted by name first (see <see cref="Delete"/>).
    /// </summary>
    internal static Task Discard(string directory, IReadOnlyCollection<string>? knownFiles = null)
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
        return DeleteInBackground(target, knownFiles ?? []);
    }

    /// <summary>
    /// Discards what an earlier export into <paramref name="packagesPath"/> left behind when its process died: this
    /// module's trash, staging and replaced directories (by exact name pattern; never a symbolic link, never anything
    /// else). The caller must hold the workspace lock. Returns the deletions started.
    /// </summary>
    internal static IReadOnlyList<Task> Sweep(string packagesPath)
    {
        var started = new List<Task>();
        if (!Directory.Exists(packagesPath))
            return started;
        foreach (var entry in new DirectoryInfo(packagesPath).EnumerateDirectories())
        {
            if (entry.LinkTarget is not null || !LeftBehind().IsMatch(entry.Name))
                continue;
            lock (Gate)
                if (Deleting.Contains(entry.FullName))
                    continue;
            started.Add(
                entry.Name.StartsWith(TrashPrefix, StringComparison.Ordinal)
                    ? DeleteInBackground(entry.FullName, [])
                    : Discard(entry.FullName)
            );
        }
        return started;
    }

    /// <summary>Counts <paramref name="work"/> among the pending deletions (so <see cref="WhenDeletedAsync"/> and a process exit wait for
    /// it).</summary>
    internal static Task Track(Task work)
    {
        var tracked = work.ContinueWith(
            static _ => { },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
        lock (Gate)
            Pending.Add(tracked);
        tracked.ContinueWith(
            t =>
            {
                lock (Gate)
                    Pending.Remove(t);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
        return tracked;
    }

    private static Task DeleteInBackground(string path, IReadOnlyCollection<string> knownFiles)
    {
        lock (Gate)
            if (!Deleting.Add(path))
                return Task.CompletedTask;
        return Track(
            Task.Run(() =>
            {
                try
                {
                    Delete(path, knownFiles);
                }
                finally
                {
                    lock (Gate)
                        Deleting.Remove(path);
                }
            })
        );
    }

    /// <summary>How many unlinks are in flight at once: they wait on the file system's journal more than they use a CPU.</summary>
    private const int DeletionsInFlight = 8;

    /// <summary>
    /// Deletes the files named in <paramref name="knownFiles"/> (relative to <paramref name="path"/>) by name, then their
    /// directories deepest first, several at a time; then whatever else is under <paramref name="path"/>, with it. A
    /// change is usually a directory of its own (<c>deploy/schemas/s/tables/t/table.sql</c>), and deleting a tree by
    /// enumeration costs seven system calls per such directory (open, stat, two reads, close, unlink, rmdir) where
    /// two do; with the calls spread over 8 threads, the staged sql_actions scripts of a 400k-row export went 2.6 x
    /// faster (median of 4, under load 24). This is what the command line's exit after Ctrl+C waits for. Errors are
    /// swallowed: what cannot be deleted now the next export's sweep retries.
    /// </summary>
    private static void Delete(string path, IReadOnlyCollection<string> knownFiles)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = DeletionsInFlight };
        try
        {
            if (knownFiles.Count > 0)
            {
                Parallel.ForEach(knownFiles, parallel, file => TryDeleteFile(Path.Combine(path, file)));
                var directories = new HashSet<string>(StringComparer.Ordinal);
                foreach (var file in knownFiles)
                {
                    // Each file's directory and its ancestors, up to one already collected.
                    var directory = Path.GetDirectoryName(file);
                    while (!string.IsNullOrEmpty(directory) && directories.Add(directory))
                        directory = Path.GetDirectoryName(directory);
                }
                // A directory's path is longer than its parent's, so each depth goes before the one above it.
                foreach (
                    var depth in directories.GroupBy(d => d.Count(c => c == Path.DirectorySeparatorChar)).OrderByDescending(g => g.Key)
                )
                    Parallel.ForEach(depth, parallel, directory => TryDeleteEmpty(Path.Combine(path, directory)));
            }
            Parallel.ForEach(new DirectoryInfo(path).GetDirectories(), parallel, child => TryDelete(child.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        TryDelete(path);
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void TryDeleteEmpty(string path)
    {
        try
        {
            Directory.Delete(path, recursive: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The names this module gives the directories it discards or stages: <c>.pgpm-export-trash-HEX</c>, <c>.NAME.partial-HEX</c>,
    /// <c>.NAME.replaced-HEX</c>.</summary>
    [GeneratedRegex(@"\A(\.pgpm-export-trash-[0-9a-f]{32}|\..+\.(partial|replaced)-[0-9a-f]{32})\z", RegexOptions.CultureInvariant)]
    private static partial Regex LeftBehind();
}
