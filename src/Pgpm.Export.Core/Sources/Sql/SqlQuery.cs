using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.Sql;

/// <summary>One query on a connection of its own, its rows yielded as they arrive; its failures are the caller's to translate.</summary>
internal static class SqlQuery
{
    public static async IAsyncEnumerable<T> RunAsync<T>(
        SqlSession session,
        string sql,
        object[] parameters,
        Func<NpgsqlDataReader, T> read,
        bool missingTableIsNotConstructive,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var (connection, transaction) = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var owned = connection;
        await using var adopted = transaction;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });

        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (missingTableIsNotConstructive && e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new ExportException(
                ExportErrorKind.NotFound,
                ErrorId.NotAConstructiveDatabase,
                $"PostgreSQL at {session.Description} has no Constructive metaschema ({e.MessageText}). "
                    + "Connect to the database that holds metaschema_public.",
                e
            );
        }

        await using (reader.ConfigureAwait(false))
        {
            var consumed = false;
            try
            {
                while (true)
                {
                    // Npgsql's ReadAsync does not look at the token while rows are already at hand, which they are as long as the
                    // server keeps sending: without this a stopped export went on reading a large table for seconds.
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        consumed = true;
                        yield break;
                    }
                    yield return read(reader);
                }
            }
            finally
            {
                if (!consumed)
                    Stop(command);
            }
        }
    }

    /// <summary>
    /// Asks the server to stop a query whose rows are no longer wanted (cancelled, failed, or the caller stopped early).
    /// Npgsql closes a reader by reading every row still to come, which for a large table takes seconds; the
    /// server's cancel ends the stream at once (npgsql/npgsql#314: cancelling first is left to the caller).
    /// </summary>
    private static void Stop(NpgsqlCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // The connection is already gone, so nothing is left to read from it either.
        }
    }
}
