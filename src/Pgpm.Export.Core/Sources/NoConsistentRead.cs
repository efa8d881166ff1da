namespace Pgpm.Export.Sources;

/// <summary>
/// The handle of a source that reads live data and cannot pin a moment (see <see cref="IExportSource.BeginConsistentReadAsync"/>).
/// </summary>
public sealed class NoConsistentRead : IAsyncDisposable
{
    public static NoConsistentRead Instance { get; } = new();

    public static Task<IAsyncDisposable> Task { get; } = System.Threading.Tasks.Task.FromResult<IAsyncDisposable>(Instance);

    private NoConsistentRead() { }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
