using System.Data;
using System.Text.RegularExpressions;
using Npgsql;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// One moment of the database, shared by every connection of an export: a repeatable-read transaction held
/// open on its own connection exports its snapshot (<c>pg_export_snapshot()</c>), and each query's
/// transaction adopts it (<c>SET TRANSACTION SNAPSHOT</c>). Disposing ends the holder and with it the snapshot.
/// </summary>
internal sealed partial class SqlSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _holder;
    private readonly NpgsqlTransaction _transaction;
    private readonly Action _released;

    private SqlSnapshot(NpgsqlConnection holder, NpgsqlTransaction transaction, string id, Action released)
    {
        _holder = holder;
        _transaction = transaction;
        Id = id;
        _released = released;
    }

    public string Id { get; }

    [GeneratedRegex("^[0-9A-Fa-f-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotId();

    /// <summary>Takes the snapshot on <paramref name="holder"/>, which it then owns.</summary>
    public static async Task<SqlSnapshot> TakeAsync(NpgsqlConnection holder, Action released, CancellationToken cancellationToken)
    {
        var transaction = await holder.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT pg_export_snapshot()", holder, transaction);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        // The id is spliced into SET TRANSACTION SNAPSHOT, which takes no parameters: accept only what PostgreSQL makes.
        if (id is null || !SnapshotId().IsMatch(id))
            throw new InvalidOperationException("PostgreSQL returned a snapshot id of an unexpected form.");
        return new SqlSnapshot(holder, transaction, id, released);
    }

    /// <summary>Starts a transaction on <paramref name="connection"/> that sees exactly this snapshot.</summary>
    public async Task<NpgsqlTransaction> AdoptAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{Id}'", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        _released();
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The holder's connection is already gone (the server stopped): there is nothing left to end.
        }
        await _holder.DisposeAsync().ConfigureAwait(false);
    }
}
