using Pgpm.Export.Errors;

namespace Pgpm.Export.Writing;

/// <summary>
/// Keeps two exports from writing into one workspace at once: an exclusive lock on <c>.pgpm-export.lock</c> in
/// the workspace, held for the whole export and removed when it ends. The lock is the operating system's
/// (flock on Unix, a share lock on Windows), so it is released even when the process dies.
/// </summary>
public sealed class WorkspaceLock : IDisposable
{
    public const string FileName = ".pgpm-export.lock";

    private readonly FileStream _file;

    private WorkspaceLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or fails at once (without waiting) when another export holds it.</summary>
    internal static WorkspaceLock Acquire(string root)
    {
        var path = Path.Combine(root, FileName);
        try
        {
            return new WorkspaceLock(
                new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose)
            );
        }
        catch (IOException e)
        {
            throw new ExportException(
                ExportErrorKind.Write,
                ErrorId.WorkspaceBusy,
                $"Another export is writing into '{root}' right now (it holds '{path}'); nothing was written. "
                    + "Wait for it to finish, or export into another directory.",
                e
            );
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ExportException(
                ExportErrorKind.Write,
                ErrorId.OutputNotWritable,
                $"Cannot create '{path}' to lock the workspace: {e.Message}",
                e
            );
        }
    }

    public void Dispose() => _file.Dispose();
}
