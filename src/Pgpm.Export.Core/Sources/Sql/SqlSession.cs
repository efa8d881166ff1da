using System.Runtime.CompilerServices;
using Npgsql;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// The connections of one SQL source: where they come from, the moment they read when one is pinned
/// (<see cref="SqlSnapshot"/>), and the one place an Npgsql failure becomes an export error naming the server and what
/// was being done (<see cref="SqlErrors"/>).
/// </summary>
internal sealed class SqlSession(NpgsqlDataSource dataSource, string description) : IAsyncDisposable
{
    private SqlSnapshot? _snapshot;

    /// <summary>The server and database, for messages; never the password.</summary>
    public string Description { get; } = description;

    /// <summary>
    /// Runs <paramref name="action"/>, turning its failure into an export error. A cancellation stays a cancellation,
    /// and an export error (one the action already chose, such as a value it could not read) stays as it is.
    /// </summary>
    public async Task<T> RunAsync<T>(string doing, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ExportException)
        {
            throw SqlErrors.Translate(e, Description, doing);
        }
    }

    /// <summary>
    /// <paramref name="rows"/>, each step of which (connecting, starting the query, reading a row and its values) turns
    /// its failure into an export error as <see cref="RunAsync"/> does.
    /// </summary>
    public async IAsyncEnumerable<T> Translating<T>(
        IAsyncEnumerable<T> rows,
        string doing,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await using var enumerator = rows.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException and not ExportException)
            {
                throw SqlErrors.Translate(e, Description, doing);
            }
            if (!more)
                yield break;
            yield return enumerator.Current;
        }
    }

    /// <summary>A connection from the pool, failing as an export error.</summary>
    public Task<NpgsqlConnection> OpenConnectionAsync(string doing, CancellationToken cancellationToken) =>
        RunAsync(doing, () => dataSource.OpenConnectionAsync(cancellationToken).AsTask());

    /// <summary>
    /// A connection from the pool in a transaction that sees the pinned moment, when one is pinned (else no transaction).
    /// Its failures are the caller's to translate.
    /// </summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction? Transaction)> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = Volatile.Read(ref _snapshot) is { } snapshot
                ? await snapshot.AdoptAsync(connection, cancellationToken).ConfigureAwait(false)
                : null;
            return (connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs a query and yields each row as <paramref name="read"/> makes it. Reading the values is inside the error
    /// translation too: with sequential access a value is still on the wire when the row starts, so a connection
    /// lost in the middle of a large value surfaces there.
    /// </summary>
    public IAsyncEnumerable<T> QueryAsync<T>(
        string sql,
        object[] parameters,
        string doing,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken,
        bool missingTableIsNotConstructive = false
    ) => Translating(SqlQuery.RunAsync(this, sql, parameters, read, missingTableIsNotConstructive, cancellationToken), doing);

    /// <summary>Every row of <see cref="QueryAsync"/>, read to the end.</summary>
    public async Task<List<T>> ListAsync<T>(
        string sql,
        object[] parameters,
        string doing,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken,
        bool missingTableIsNotConstructive = false
    )
    {
        var rows = new List<T>();
        var query = QueryAsync(sql, parameters, doing, read, cancellationToken, missingTableIsNotConstructive);
        await foreach (var row in query.ConfigureAwait(false))
            rows.Add(row);
        return rows;
    }

    /// <summary>
    /// Pins the moment every later query reads (see <see cref="SqlSnapshot"/>). When one is already pinned, the
    /// reads are already consistent and the returned handle does nothing.
    /// </summary>
    public async Task<IAsyncDisposable> BeginConsistentReadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is not null)
            return NoConsistentRead.Instance;
        const string doing = "taking a snapshot of the database";
        var holder = await OpenConnectionAsync(doing, cancellationToken).ConfigureAwait(false);
        SqlSnapshot snapshot;
        try
        {
            snapshot = await RunAsync(doing, () =>
                    SqlSnapshot.TakeAsync(holder, () => Volatile.Write(ref _snapshot, null), cancellationToken)
                )
                .ConfigureAwait(false);
        }
        catch
        {
            await holder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (Interlocked.CompareExchange(ref _snapshot, snapshot, null) is null)
            return snapshot;
        // Another export on this source pinned a moment at the same time; its reads are the consistent ones.
        await holder.DisposeAsync().ConfigureAwait(false);
        return NoConsistentRead.Instance;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
