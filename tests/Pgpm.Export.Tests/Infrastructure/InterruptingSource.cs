using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A real source that runs <paramref name="afterFirstRow"/> once the first row of <paramref name="table"/> has arrived, then reads
/// on.</summary>
public sealed class InterruptingSource(IExportSource inner, TableRef table, Func<Task> afterFirstRow) : DelegatingSource(inner)
{
    public bool Interrupted { get; private set; }

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
        {
            yield return row;
            if (shape.Table != table || Interrupted)
                continue;
            Interrupted = true;
            await afterFirstRow();
        }
    }
}
