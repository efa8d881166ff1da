using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.Sql;

/// <summary>The rows of the meta tables: read, counted, or only looked for.</summary>
internal sealed class SqlRowReader(SqlSession session)
{
    /// <summary>
    /// Reads the rows with the COPY text protocol (<see cref="SqlRowQueries.Copy"/>): the server then does exactly the
    /// work of the benchmark's floor, and a row arrives as one line that splits into the same text values a query gives.
    /// The line's bytes are split where they arrived (<see cref="CopyTextLines"/>, <see cref="CopyTextLine"/>): no
    /// character decoding of the stream, no string per line or per value unless a value needs canonicalising.
    /// </summary>
    public IAsyncEnumerable<ExportRow> ReadAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken) =>
        session.Translating(CopyAsync(shape, databaseId, cancellationToken), $"reading {shape.Table}");

    /// <summary>
    /// Every table's answer from one query (<see cref="SqlRowQueries.AnyRows"/>), in the export's snapshot when one is
    /// pinned. A failed query (a table the role may not read, a lock that outlasts statement_timeout) is an
    /// ExportException, which the export answers by reading each table on its own, so the one at fault names itself.
    /// </summary>
    public async Task<IReadOnlyList<bool>?> FindTablesWithRowsAsync(
        IReadOnlyList<TableShape> shapes,
        Guid databaseId,
        CancellationToken cancellationToken
    )
    {
        if (shapes.Count == 0)
            return [];
        return (
            await session
                .ListAsync(
                    SqlRowQueries.AnyRows(shapes),
                    [databaseId],
                    "looking for the meta tables with rows",
                    r => Enumerable.Range(0, shapes.Count).Select(r.GetBoolean).ToArray(),
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).FirstOrDefault();
    }

    public async Task<long> CountAsync(TableShape shape, Guid databaseId, CancellationToken cancellationToken) =>
        (
            await session
                .ListAsync(
                    SqlRowQueries.Count(shape),
                    [databaseId],
                    $"counting the rows of {shape.Table}",
                    r => r.GetInt64(0),
                    cancellationToken
                )
                .ConfigureAwait(false)
        ).FirstOrDefault();

    private async IAsyncEnumerable<ExportRow> CopyAsync(
        TableShape shape,
        Guid databaseId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var kinds = shape.Columns.Select(c => c.Kind).ToArray();
        var (connection, transaction) = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var owned = connection;
        await using var adopted = transaction;
        using var reader = await connection
            .BeginTextExportAsync(SqlRowQueries.Copy(shape, databaseId), cancellationToken)
            .ConfigureAwait(false);
        // Npgsql's text reader is a StreamReader over the raw COPY stream; reading that stream directly skips the
        // decoding into characters. The reader still ends the COPY (or cancels it) when disposed.
        var lines = new CopyTextLines(((StreamReader)reader).BaseStream);
        while (true)
        {
            byte[] bytes;
            int start,
                length;
            while (!lines.TryReadLine(out bytes, out start, out length))
                if (!await lines.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
                    yield break;
            cancellationToken.ThrowIfCancellationRequested();
            var values = new PgValue[kinds.Length];
            // A shape without columns selects a constant, so that each row still comes as a line.
            if (kinds.Length > 0)
                CopyTextLine.Split(bytes, start, length, kinds, values);
            yield return new ExportRow(shape, values);
        }
    }
}
