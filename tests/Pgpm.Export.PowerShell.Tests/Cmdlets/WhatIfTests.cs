using System.Collections.Concurrent;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>-WhatIf shows the packages and writes nothing into the target, not even for a moment.</summary>
[Collection(ModuleCollection.Name)]
public sealed class WhatIfTests(ModuleFixture module)
{
    [Theory]
    [InlineData("-WhatIf")]
    [InlineData("-WhatIf -Force")]
    [InlineData("")] // with $WhatIfPreference = $true
    public void WhatIf_writes_nothing_into_the_target_at_any_moment(string whatIf)
    {
        using var shell = new PowerShellRun(module);
        using var output = new TempDirectory();
        Assert.Null(
            shell
                .Invoke(
                    "param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out",
                    output.Path
                )
                .Error
        );
        var before = TempDirectory.Snapshot(output.Path);

        // inotify reports every entry made below the target, in order; the sentinel written afterwards marks the end.
        var seen = new BlockingCollection<string>();
        using var watcher = new FileSystemWatcher(output.Path) { IncludeSubdirectories = true };
        watcher.Created += (_, e) => seen.Add(e.FullPath);
        watcher.Changed += (_, e) => seen.Add(e.FullPath);
        watcher.Renamed += (_, e) => seen.Add(e.FullPath);
        watcher.EnableRaisingEvents = true;

        var result = shell.Invoke(
            $$"""
            param($out)
            {{(whatIf == "" ? "$WhatIfPreference = $true" : "")}}
            Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out {{whatIf}}
            $WhatIfPreference = $false
            """,
            output.Path
        );
        Assert.Null(result.Error);
        Assert.Empty(result.Output);

        var sentinel = output.Combine("sentinel");
        File.WriteAllText(sentinel, "");
        var events = new List<string>();
        while (seen.TryTake(out var path, TimeSpan.FromSeconds(30)) && path != sentinel)
            events.Add(path);
        Assert.Empty(events);
        File.Delete(sentinel);
        Assert.Equal(before, TempDirectory.Snapshot(output.Path));
    }

    /// <summary>
    /// -WhatIf said "1 changes, 1 sql_actions rows" and "migrate/x: 1 rows". Every count it shows takes its
    /// noun in the right number (a database of one sql_actions row and meta tables of one row).
    /// </summary>
    [Fact]
    public async Task WhatIf_speaks_of_one_row_and_one_change_in_the_singular()
    {
        await using var database = await ThrowawayDatabase.CreateAsync(module, "one", id => $"""
                INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert, verify, category)
                VALUES ('only', '{id}', 'schemas/one_public/schema', ARRAY[]::text[], 'CREATE SCHEMA one_public;',
                        'DROP SCHEMA one_public;', 'SELECT 1;', 'app');
                """);
        var id = database.Id;
        var host = new TestHost(interactive: false);
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();
        shell
            .Invoke(
                "param($out, $id) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $id -OutputPath $out -WhatIf",
                output.Path,
                id
            )
            .ThrowOnError();

        var said = string.Join("\n", host.Lines);
        Assert.Contains("(1 change, 1 sql_actions row)", said);
        Assert.Contains("for the 1 change of db_migrate.sql_actions", said);
        Assert.Contains("migrate/database: 1 row (", said);
        Assert.DoesNotMatch(@"\b1 (rows|changes|tables|files)\b", said);
    }
}
