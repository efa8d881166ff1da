using System.Management.Automation;
using Npgsql;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Ctrl+C (what PowerShell.Stop/BeginStop does) during Export-PgpmProject ends the export at once at
/// any point, reading, writing or about to move the packages into place, and leaves nothing behind. The stop returns
/// without waiting for the staged files to be deleted: they are renamed away at once and deleted in the background, so
/// each test first waits for the module's own completion signal (DiscardedDirectories.WhenDeletedAsync), never a sleep.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class StopTests(ModuleFixture module)
{
    /// <summary>How long a stop may take before the test calls it hung; generous, since this is no timing test.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    private const string Export =
        "param($out, $id) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $id -OutputPath $out -ThrottleLimit 1";

    [Fact]
    public async Task Stopping_while_a_large_table_streams_leaves_nothing()
    {
        await using var big = await CreateLargeDatabaseAsync(module, fieldRows: 100_000);
        var host = new TestHost(interactive: false);
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();

        System.Management.Automation.PowerShell? running = null;
        host.OnProgress = record =>
        {
            // Mid-table: the field table reports every thousand rows while its rows are still coming.
            if (
                record.StatusDescription.StartsWith("metaschema_public.field: ", StringComparison.Ordinal)
                && !record.StatusDescription.EndsWith("(done)", StringComparison.Ordinal)
            )
                running?.BeginStop(null, null);
        };
        using (running = shell.Start(Export, out var invocation, output.Combine("ws"), big.Id))
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }

        AssertNothingLeft(shell, output.Path);
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
            await using (
                var lockTable = new NpgsqlCommand("LOCK TABLE metaschema_public.field IN ACCESS EXCLUSIVE MODE", locker, transaction)
            )
                await lockTable.ExecuteNonQueryAsync();

            using var running = shell.Start(
                Export.Replace("-ThrottleLimit 1", ""),
                out var invocation,
                output.Combine("ws"),
                Pgpm.Export.Sandbox.SampleDatabase.SampleId
            );
            await WaitForLockWaitAsync();
            running.Stop();
            Assert.True(invocation.IsCompleted, "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }
        AssertNothingLeft(shell, output.Path);
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
        using (
            running = shell.Start(
                Export + " -Confirm",
                out var invocation,
                output.Combine("ws"),
                Pgpm.Export.Sandbox.SampleDatabase.SampleId
            )
        )
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }
        Assert.Single(host.Prompts);
        AssertNothingLeft(shell, output.Path);
    }

    /// <summary>
    /// Late in an export, with thousands of staged files: the stop no longer deletes them before it returns (Stop() took
    /// long with that many files). When it returns no package or staging name is left, only the module's trash, and the
    /// background deletion then leaves nothing.
    /// </summary>
    [Fact]
    public async Task Stopping_late_with_thousands_of_staged_files_renames_them_away_and_deletes_them_in_the_background()
    {
        await using var big = await CreateLargeDatabaseAsync(module, fieldRows: 10, sqlActions: 3000);
        var host = new TestHost(interactive: false);
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();

        System.Management.Automation.PowerShell? running = null;
        host.OnProgress = record =>
        {
            // Progress is reported after the scripts are written: 2,000 changes are 6,000 staged files at least.
            if (record.StatusDescription.Contains("sql_actions: 2000 rows", StringComparison.Ordinal))
                running?.BeginStop(null, null);
        };
        using (running = shell.Start(Export, out var invocation, output.Combine("ws"), big.Id))
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Equal(PSInvocationState.Stopped, running.InvocationStateInfo.State);
        }

        var packages = output.Combine("ws", "packages");
        var left = Directory.Exists(packages) ? Directory.GetFileSystemEntries(packages).Select(Path.GetFileName).ToList() : [];
        Assert.All(left, name => Assert.Matches(@"\A\.pgpm-export-trash-[0-9a-f]{32}\z", name));
        AssertNothingLeft(shell, output.Path);
    }

    /// <summary>
    /// Ctrl+C while the packages move into place (a watcher sees the first package appear and stops the export): the stop
    /// completes and the workspace ends up with both packages whole or with nothing, and no hidden leftovers.
    /// </summary>
    [Fact]
    public void Stopping_while_the_packages_move_into_place_leaves_both_whole_or_nothing()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        var workspace = output.Combine("ws");
        Directory.CreateDirectory(workspace);
        using var watcher = new FileSystemWatcher(workspace) { IncludeSubdirectories = true };
        System.Management.Automation.PowerShell? running = null;
        var stopped = 0;
        watcher.Renamed += (_, e) =>
        {
            if (
                Path.GetFileName(Path.GetDirectoryName(e.FullPath)) == "packages"
                && !Path.GetFileName(e.FullPath).StartsWith('.')
                && Interlocked.Exchange(ref stopped, 1) == 0
            )
                running?.BeginStop(null, null);
        };
        watcher.EnableRaisingEvents = true;
        using (running = shell.Start(Export, out var invocation, workspace, Pgpm.Export.Sandbox.SampleDatabase.SampleId))
        {
            Assert.True(invocation.AsyncWaitHandle.WaitOne(Hung), "the stop did not complete");
            Assert.Contains(running.InvocationStateInfo.State, new[] { PSInvocationState.Stopped, PSInvocationState.Completed });
        }
        Assert.Equal(1, stopped);
        WaitForDeletions(shell);

        var entries = Directory
            .EnumerateFileSystemEntries(workspace, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(workspace, p))
            .ToList();
        Assert.DoesNotContain(entries, e => e.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')));
        var packages = Directory.Exists(Path.Combine(workspace, "packages"))
            ? Directory.GetDirectories(Path.Combine(workspace, "packages"))
            : [];
        if (packages.Length == 0)
        {
            Assert.Empty(entries);
            return;
        }
        Assert.Equal(2, packages.Length);
        Assert.All(packages, p => Assert.True(File.Exists(Path.Combine(p, "pgpm.plan")), $"{p} is not whole"));
    }

    /// <summary>
    /// What an export whose process died left in packages/ (its trash, staging and replaced folders) the next export
    /// removes; nothing else is touched: not names that only look alike, not a file, not a symbolic link (nor its target),
    /// not a look-alike outside packages/, not the user's own files.
    /// </summary>
    [Fact]
    public void Leftovers_of_a_dead_export_are_removed_at_the_next_start_and_nothing_else_is_touched()
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        using var outside = new TempDirectory();
        var workspace = output.Combine("ws");
        var packages = Path.Combine(workspace, "packages");
        string Hex() => Guid.NewGuid().ToString("N");
        string[] leftovers =
        [
            $".pgpm-export-trash-{Hex()}",
            $".{Pgpm.Export.Sandbox.SampleDatabase.SampleName}.partial-{Hex()}",
            $".other-service.replaced-{Hex()}",
        ];
        foreach (var leftover in leftovers)
            WriteFile(Path.Combine(packages, leftover, "deploy", "a", "b.sql"));
        string[] kept =
        [
            Path.Combine(packages, $".pgpm-export-trash-{Hex()[..31]}", "x.sql"),
            Path.Combine(packages, $".pgpm-export-trash-{Hex().ToUpperInvariant()}", "x.sql"),
            Path.Combine(packages, $"mine.partial-{Hex()}", "x.sql"),
            Path.Combine(packages, $".mine.partial-{Hex()}-copy", "x.sql"),
            Path.Combine(packages, "my-package", "pgpm.plan"),
            Path.Combine(workspace, $".pgpm-export-trash-{Hex()}", "x.sql"),
            Path.Combine(workspace, "notes.txt"),
            Path.Combine(outside.Path, "target", "precious.sql"),
        ];
        foreach (var file in kept)
            WriteFile(file);
        var fileLookAlike = Path.Combine(packages, $".x.partial-{Hex()}");
        WriteFile(fileLookAlike);
        var link = Path.Combine(packages, $".pgpm-export-trash-{Hex()}");
        Directory.CreateSymbolicLink(link, Path.Combine(outside.Path, "target"));

        shell
            .Invoke(
                "param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out",
                workspace
            )
            .ThrowOnError();
        WaitForDeletions(shell);

        foreach (var leftover in leftovers)
            Assert.False(Directory.Exists(Path.Combine(packages, leftover)), $"{leftover} was left");
        Assert.All(kept, file => Assert.Equal("keep me", File.ReadAllText(file)));
        Assert.Equal("keep me", File.ReadAllText(fileLookAlike));
        Assert.Equal(Path.Combine(outside.Path, "target"), new DirectoryInfo(link).LinkTarget);
        // Besides what was there, only the two exported packages: no trash, staging or renamed leftover of any kind.
        var before = kept.Select(k => Path.GetRelativePath(packages, k).Split(Path.DirectorySeparatorChar)[0])
            .Where(n => n != "..")
            .Append(Path.GetFileName(fileLookAlike))
            .Append(Path.GetFileName(link));
        var added = Directory.GetFileSystemEntries(packages).Select(Path.GetFileName).Except(before).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { Pgpm.Export.Sandbox.SampleDatabase.SampleName, Pgpm.Export.Sandbox.SampleDatabase.SampleName + "-service" },
            added
        );
    }

    private static void WriteFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "keep me");
    }

    /// <summary>Waits, on the module's own signal, for the deletions a stop left running in the background.</summary>
    private static void WaitForDeletions(PowerShellRun shell)
    {
        var waited = shell
            .Invoke("[Pgpm.Export.Writing.DiscardedDirectories]::WhenDeletedAsync().Wait([timespan]::FromSeconds(60))")
            .ThrowOnError();
        Assert.Equal(true, Assert.Single(waited.Output).BaseObject);
    }

    private static void AssertNothingLeft(PowerShellRun shell, string path)
    {
        WaitForDeletions(shell);
        Assert.Empty(Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories));
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

    /// <summary>A throwaway database with one large meta table (field) and, if asked, sql_actions.</summary>
    private static Task<ThrowawayDatabase> CreateLargeDatabaseAsync(ModuleFixture module, int fieldRows, int sqlActions = 0) =>
        ThrowawayDatabase.CreateAsync(module, "large", id => $"""
                INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, description, type, field_order)
                SELECT gen_random_uuid(), '{id}', '{Guid.NewGuid()}', 'field_' || g, 'Field ' || g,
                       repeat('A description of the field. ', 8), 'text', g
                FROM generate_series(1, {fieldRows}) g;
                INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category)
                SELECT 'action ' || g, '{id}', 'schemas/large_public/tables/table_' || g || '/table', ARRAY[]::text[],
                       'CREATE TABLE large_public.table_' || g || ' (id uuid PRIMARY KEY);', 'DROP TABLE large_public.table_' || g || ';',
                       'SELECT 1 FROM large_public.table_' || g || ' LIMIT 1;', 'app'
                FROM generate_series(1, {sqlActions}) g;
                """);
}
