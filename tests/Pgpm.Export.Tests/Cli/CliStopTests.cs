using Npgsql;
using Pgpm.Export.Cli;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>For the command line: Ctrl+C (the token Program cancels) ends an export at once and leaves nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliStopTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Ctrl_C_while_a_read_waits_on_the_server_exits_130_and_leaves_nothing()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_stop");
        using var output = new TempDirectory();
        await using var locker = new NpgsqlConnection(postgres.Server.ConnectionString(database));
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE metaschema_public.field IN ACCESS EXCLUSIVE MODE", locker, transaction))
            await lockTable.ExecuteNonQueryAsync();

        using var ctrlC = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var running = CliApplication.RunAsync(
            ["-c", postgres.Server.ConnectionString(database), "--database-id", SqlExport.Acme.ToString(), "--out", output.Combine("ws")],
            stdout,
            stderr,
            ctrlC.Token
        );
        // Asked outside the locker's transaction, which would see one cached snapshot of pg_stat_activity.
        await using var watcher = new NpgsqlConnection(postgres.Server.ConnectionString(database));
        await watcher.OpenAsync();
        await using (var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", watcher))
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((long)(await waiting.ExecuteScalarAsync(deadline.Token))! == 0 && !running.IsCompleted)
                await Task.Delay(50, deadline.Token);
        }
        Assert.False(running.IsCompleted, $"the export ended before it was stopped: {stderr}");
        ctrlC.Cancel();

        Assert.Equal(CliApplication.Cancelled, await running.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.EndsWith("\npgpm-export: cancelled; nothing was written.", stderr.ToString().Trim());
        Assert.Equal("", stdout.ToString());
        await Pgpm.Export.Writing.DiscardedDirectories.WhenDeletedAsync(); // the process waits for this at its exit
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }
}
