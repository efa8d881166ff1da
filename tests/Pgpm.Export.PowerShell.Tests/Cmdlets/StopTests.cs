using System.Management.Automation;
using Npgsql;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Issue 12 item 11: Ctrl+C (what PowerShell.Stop/BeginStop does) during Export-PgpmProject ends the export at once at
/// any point, reading, writing or about to move the packages into place, and leaves nothing behind.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class StopTests(ModuleFixture module)
{
    /// <summary>How long a stop may take before the test calls it hung; generous, since this is no timing test.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    private const string Export = "param($out, $id) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $id -OutputPath $out -ThrottleLimit 1";

    [Fact]
    public async Task Stopping_while_a_large_table_streams_leaves_nothing()
    {
        await using var big = await LargeDatabase.CreateAsync(module, fieldRows: 100_000);
        var host = new TestHost(interactive: false);
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();

        System.Management.Automation.PowerShell? running = null;
        host.OnProgress = record =>
        {
            // Mid-table: the field table reports every thousand rows while its rows are still coming.
            if (record.StatusDescription.StartsWith("metaschema_public.field: ", StringComparison.Ordinal) && !record.StatusDescription.EndsWith("(done)", StringComparison.Ordinal))
                running?.BeginStop(null, null);
        };
        using (running = shell.Start(Export, out var invocation, output.Combine("ws"), big.Id))
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Stopping_while_a_read_waits_on_the_server_leaves_nothing()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        await using var locker = new NpgsqlConnection(module.Servers.ConnectionString);
        await locker.OpenAsync();
        await using (var transaction = await locker.BeginTransactionAsync())
        {
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE metaschema_public.field IN ACCESS EXCLUSIVE MODE", locker, transaction))
                await lockTable.ExecuteNonQueryAsync();

            using var running = shell.Start(Export.Replace("-ThrottleLimit 1", ""), out var invocation, output.Combine("ws"), Pgpm.Export.Sandbox.SampleDatabase.SampleId);
            await WaitForLockWaitAsync();
            running.Stop();
            Assert.True(invocation.IsCompleted, "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Ctrl_C_at_the_confirmation_before_the_packages_move_into_place_leaves_nothing()
    {
        var host = new TestHost(interactive: true, choice: 0);
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();
        System.Management.Automation.PowerShell? running = null;
        host.OnPrompt = () =>
        {
            // What the console host does when Ctrl+C interrupts its prompt.
            running?.BeginStop(null, null);
            throw new PipelineStoppedException();
        };
        using (running = shell.Start(Export + " -Confirm", out var invocation, output.Combine("ws"), Pgpm.Export.Sandbox.SampleDatabase.SampleId))
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }
        Assert.Single(host.Prompts);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    /// <summary>
    /// Until PostgreSQL shows a query waiting for a lock, asked on a connection of its own: inside the locker's transaction
    /// pg_stat_activity is one cached snapshot.
    /// </summary>
    private async Task WaitForLockWaitAsync()
    {
        await using var watcher = new NpgsqlConnection(module.Servers.ConnectionString);
        await watcher.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", watcher);
        using var deadline = new CancellationTokenSource(Hung);
        while ((long)(await command.ExecuteScalarAsync(deadline.Token))! == 0)
            await Task.Delay(50, deadline.Token);
    }

    /// <summary>A Constructive database with one large meta table, added beside the sample for one test and removed after it.</summary>
    private sealed class LargeDatabase(ModuleFixture module, Guid id) : IAsyncDisposable
    {
        public Guid Id => id;

        public static async Task<LargeDatabase> CreateAsync(ModuleFixture module, int fieldRows)
        {
            var id = Guid.NewGuid();
            await module.Servers.Postgres.ExecuteAsync(Pgpm.Export.Sandbox.SampleDatabase.DatabaseName, $"""
                SET session_replication_role TO replica;
                INSERT INTO metaschema_public.database (id, owner_id, schema_hash, schema_name, private_schema_name, name, label, hash)
                VALUES ('{id}', gen_random_uuid(), 'hlarge', 'large_public', 'large_private', 'large_{id:N}', 'Large', gen_random_uuid());
                INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, description, type, field_order)
                SELECT gen_random_uuid(), '{id}', '{Guid.NewGuid()}', 'field_' || g, 'Field ' || g, repeat('A description of the field. ', 8), 'text', g
                FROM generate_series(1, {fieldRows}) g;
                """);
            return new LargeDatabase(module, id);
        }

        public async ValueTask DisposeAsync() =>
            await module.Servers.Postgres.ExecuteAsync(Pgpm.Export.Sandbox.SampleDatabase.DatabaseName, $"""
                SET session_replication_role TO replica;
                DELETE FROM metaschema_public.field WHERE database_id = '{id}';
                DELETE FROM metaschema_public.database WHERE id = '{id}';
                """);
    }
}
