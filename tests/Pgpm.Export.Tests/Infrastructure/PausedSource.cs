using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A real source whose row reads wait for <see cref="Resume"/>, so a test can act while an export is under way.</summary>
public sealed class PausedSource(IExportSource inner) : DelegatingSource(inner)
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the export first tries to read rows.</summary>
    public Task Entered => _entered.Task;

    public void Resume() => _resumed.TrySetResult();

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        _entered.TrySetResult();
        await _resumed.Task.WaitAsync(ct);
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
            yield return row;
    }
}
