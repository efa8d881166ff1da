namespace Pgpm.Export.StopBench;

/// <summary>Counts the files and folders created below a folder while it is watched (inotify), even those deleted again.</summary>
internal sealed class CreatedFiles : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private int _count;

    public CreatedFiles(string folder)
    {
        _watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, InternalBufferSize = 1 << 16 };
        _watcher.Created += (_, _) => Interlocked.Increment(ref _count);
        _watcher.Error += (_, e) => Console.Error.WriteLine($"watching {folder}: {e.GetException().Message} (the count is a lower bound)");
        _watcher.EnableRaisingEvents = true;
    }

    public int Count => Volatile.Read(ref _count);

    public void Dispose() => _watcher.Dispose();
}
