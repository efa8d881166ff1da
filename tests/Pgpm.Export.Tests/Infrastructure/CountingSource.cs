using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A real source that counts the rows it has handed out, to prove a stopped pipeline stopped the reading, and notes
/// the tables it was asked to read.
/// </summary>
public sealed class CountingSource(IExportSource inner) : DelegatingSource(inner)
{
    private readonly System.Collections.Concurrent.ConcurrentBag<TableRef> _tablesRead = [];
    private int _rowsRead;

    public int RowsRead => Volatile.Read(ref _rowsRead);

    public IReadOnlyCollection<TableRef> TablesRead => _tablesRead;

    public override async IAsyncEnumerable<ExportRow> ReadRowsAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        _tablesRead.Add(shape.Table);
        await foreach (var row in Inner.ReadRowsAsync(shape, databaseId, ct))
        {
            Interlocked.Increment(ref _rowsRead);
            yield return row;
        }
    }
}
