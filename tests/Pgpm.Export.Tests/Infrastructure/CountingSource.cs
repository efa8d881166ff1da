using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>A real source that counts the rows it has handed out, to prove a stopped pipeline stopped the reading.</summary>
public sealed class CountingSource(IExportSource inner) : DelegatingSource(inner)
{
    private int _rowsRead;

    public int RowsRead => Volatile.Read(ref _rowsRead);

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(TableShape shape, Guid databaseId, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
        {
            Interlocked.Increment(ref _rowsRead);
            yield return row;
        }
    }
}
