using Npgsql;

namespace Pgpm.Export.StopBench;

/// <summary>Rows PostgreSQL handed out from the meta tables and sql_actions so far (its statistics: sequential and index reads).</summary>
internal sealed class RowsRead(string connectionString)
{
    public async Task<long> CountAsync()
    {
        // Backends publish their counters when idle, at most once a second (PostgreSQL 15's shared-memory statistics).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::bigint FROM pg_stat_user_tables "
                + "WHERE schemaname IN ('metaschema_public', 'services_public', 'metaschema_modules_public', 'db_migrate')",
            connection
        );
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
