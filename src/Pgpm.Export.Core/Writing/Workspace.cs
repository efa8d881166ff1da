using Pgpm.Export.Errors;

namespace Pgpm.Export.Writing;

/// <summary>
/// The pgpm workspace an export writes into (<c>DIR/pgpm.json</c>, <c>DIR/packages/</c>). Directories it
/// had to create are removed again when nothing was committed into them, so a failed export leaves the
/// disk as it found it. Directories it discards are deleted in the background (<see cref="DiscardedDirectories"/>);
/// <see cref="CloseAsync"/> waits for them unless the export was stopped.
/// </summary>
public sealed class Workspace
{
    private readonly List<string> _created = [];
    private readonly List<Task> _discarded = [];

    private Workspace(string root)
    {
        Root = root;
        PackagesPath = Path.Combine(root, "packages");
    }

    public string Root { get; }
    public string PackagesPath { get; }

    /// <param name="outputPath">The workspace directory; it need not exist yet (nothing is made until a package is staged or the workspace
    /// locked).</param>
    public static Workspace Open(string outputPath)
    {
        if (string.IsNullOrWhiteSpace(outputPath))
            throw new ExportException(ExportErrorKind.InvalidArgument, ErrorId.OutputPathMissing, "No output directory was given.");
        var root = Path.GetFullPath(outputPath);
        if (File.Exists(root))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.OutputPathIsFile,
                $"The output path '{outputPath}' is a file; it must be a directory (a pgpm workspace) or not exist yet."
            ).WithTarget(root);
        var workspace = new Workspace(root);
        if (File.Exists(workspace.PackagesPath))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.OutputPathIsFile,
                $"'{workspace.PackagesPath}' is a file; a pgpm workspace keeps its packages in a directory of that name."
            ).WithTarget(workspace.PackagesPath);
        return workspace;
    }

    public string PackagePath(string name) => Path.Combine(PackagesPath, name);

    /// <summary>
    /// Creates the workspace directory if needed and locks it against other exports (see <see cref="WorkspaceLock"/>);
    /// when the lock cannot be had, a directory created for it is removed again. Once locked, what a dead export left
    /// in <c>packages/</c> is discarded (<see cref="DiscardedDirectories.Sweep"/>).
    /// </summary>
    internal WorkspaceLock Lock()
    {
        EnsureDirectory(Root);
        try
        {
            var workspaceLock = WorkspaceLock.Acquire(Root);
            lock (_discarded)
                _discarded.AddRange(DiscardedDirectories.Sweep(PackagesPath));
            return workspaceLock;
        }
        catch
        {
            RemoveEmptyCreatedDirectories();
            throw;
        }
    }

    /// <summary>
    /// A fresh, empty directory beside the packages (on the same file system, so the package moves into place whole),
    /// where a package is built before it is moved.
    /// </summary>
    internal string CreateStagingDirectory(string packageName)
    {
        EnsureDirectory(Root);
        EnsureDirectory(PackagesPath);
        var path = Path.Combine(PackagesPath, $".{packageName}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes <c>pgpm.json</c> when the workspace has none.</summary>
    internal void EnsureWorkspaceFile()
    {
        var path = Path.Combine(Root, "pgpm.json");
        if (!File.Exists(path))
            File.WriteAllText(path, PackageFiles.WorkspaceJson, Utf8.Strict);
    }

    /// <summary>
    /// Renames a directory this export no longer wants out of the way and deletes it in the background, the files it is
    /// known to hold (relative paths) by name first (<see cref="DiscardedDirectories.Discard"/>).
    /// </summary>
    internal void Discard(string directory, IReadOnlyCollection<string>? knownFiles = null)
    {
        var deletion = DiscardedDirectories.Discard(directory, knownFiles);
        lock (_discarded)
            _discarded.Add(deletion);
    }

    /// <summary>
    /// Ends the export's use of the workspace: once the directories it discarded are deleted, removes the directories
    /// it created that are left empty. Waits for that, unless <paramref name="stopped"/> is cancelled (Ctrl+C): then
    /// it returns at once and the deletion finishes in the background (<see cref="DiscardedDirectories.WhenDeletedAsync"/>).
    /// Call it after the workspace lock is released, so the lock file does not keep the workspace directory.
    /// </summary>
    internal async Task CloseAsync(CancellationToken stopped)
    {
        Task[] discarded;
        lock (_discarded)
            discarded = [.. _discarded];
        if (discarded.Length == 0)
        {
            RemoveEmptyCreatedDirectories();
            return;
        }
        var closing = DiscardedDirectories.Track(
            Task.WhenAll(discarded).ContinueWith(_ => RemoveEmptyCreatedDirectories(), TaskScheduler.Default)
        );
        if (stopped.IsCancellationRequested)
            return;
        try
        {
            await closing.WaitAsync(stopped).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested) { }
    }

    /// <summary>Removes the directories this export created that are still empty (after a failure or a skipped package).</summary>
    private void RemoveEmptyCreatedDirectories()
    {
        for (var i = _created.Count - 1; i >= 0; i--)
        {
            var dir = _created[i];
            try
            {
                if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
                    Directory.Delete(dir);
            }
            catch (IOException)
            {
                // Someone else is using it; an empty directory left behind is harmless.
            }
        }
    }

    private void EnsureDirectory(string path)
    {
        if (Directory.Exists(path))
            return;
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException(
                ExportErrorKind.Write,
                ErrorId.OutputNotWritable,
                $"Cannot create the directory '{path}': {e.Message}",
                e
            );
        }
        _created.Add(path);
    }
}
