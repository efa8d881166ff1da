using Npgsql;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>
/// Database faults during a real export: each fails with an error naming the server and the table, leaves nothing
/// in the workspace, and never shows the password of the connection string.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SqlFaultTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string Password = "pw-SQLFAULT-4b9e-e01";
    private static readonly TableRef Field = new("metaschema_public", "field");
    private static readonly TableRef Policy = new("metaschema_public", "policy");

    [Fact]
    public async Task Every_database_fault_fails_naming_server_and_table_with_nothing_left_and_no_password()
    {
        var database = await postgres.NewFixtureDatabaseAsync("sql_faults");
        var role = "exporter_" + database;
        // Four 10 MB values: far more than socket buffers hold, so the server is still sending when a fault strikes.
        await postgres.Server.ExecuteAsync(
            database,
            "UPDATE metaschema_public.field SET description = repeat('é🙂x''\\', 1500000) || id::text"
        );
        var connection = await postgres.NewReaderRoleAsync(database, role, Password);
        var terminate = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'";

        var table = new List<string> { "| scenario | expected | outcome | message |", "| --- | --- | --- | --- |" };
        var failures = new List<string>();
        async Task Scenario(
            string name,
            string expected,
            string connectionString,
            Func<IExportSource, IExportSource> wrap,
            Func<Task>? before = null,
            Func<Task>? after = null
        )
        {
            if (before is not null)
                await before();
            using var work = new TempDirectory();
            var log = new RecordingLog();
            ExportException? error = null;
            try
            {
                await using var source = await SqlExportSource.OpenAsync(connectionString, log);
                await new ProjectExporter(wrap(source), log).ExportAsync(SqlExport.Options(work.Combine("ws")) with { Concurrency = 1 });
            }
            catch (ExportException e)
            {
                error = e;
            }
            finally
            {
                if (after is not null)
                    await after();
            }
            var problems = new List<string>();
            if (error is null)
                problems.Add("the export completed");
            else
            {
                if (error.ErrorId != expected)
                    problems.Add($"expected {expected}, got {error.ErrorId}");
                foreach (
                    var part in new[]
                    {
                        $"postgresql://{role}@127.0.0.1:{postgres.Server.Port}/{database}",
                        name.Contains("policy") ? Policy.ToString() : Field.ToString(),
                    }
                )
                    if (!error.Message.Contains(part, StringComparison.Ordinal))
                        problems.Add($"the message does not name '{part}'");
            }
            if (Directory.EnumerateFileSystemEntries(work.Path, "*", SearchOption.AllDirectories).Any())
                problems.Add("files were left behind");
            if (Secrets.Find(Password, log, error, work.Path) is { } where)
                problems.Add("the password appeared in " + where);
            table.Add(
                $"| {name} | {expected} | {(problems.Count == 0 ? "failed cleanly" : string.Join("; ", problems))} | "
                    + $"{error?.Message.Replace("|", "\\|")} |"
            );
            failures.AddRange(problems.Select(p => $"{name}: {p}"));
        }

        await Scenario(
            "backend terminated mid-stream (pg_terminate_backend)",
            "SqlConnectionLost",
            connection,
            source => new InterruptingSource(source, Field, () => postgres.Server.ExecuteAsync(database, terminate))
        );

        await using (var locker = new NpgsqlConnection(postgres.Server.ConnectionString(database)))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await Scenario(
                "statement timeout (the table is locked; statement_timeout=1s)",
                "SqlStatementCancelled",
                connection + ";Options=-c statement_timeout=1000",
                source => source,
                before: () =>
                    new NpgsqlCommand(
                        "LOCK TABLE metaschema_public.field IN ACCESS EXCLUSIVE MODE",
                        locker,
                        transaction
                    ).ExecuteNonQueryAsync()
            );
        }

        await Scenario(
            "permission denied on one table (metaschema_public.policy)",
            "SqlPermissionDenied",
            connection,
            source => source,
            before: () => postgres.Server.ExecuteAsync(database, $"REVOKE SELECT ON metaschema_public.policy FROM \"{role}\""),
            after: () => postgres.Server.ExecuteAsync(database, $"GRANT SELECT ON metaschema_public.policy TO \"{role}\"")
        );

        await Scenario(
            "server stopped mid-stream (pg_ctl stop -m fast)",
            "SqlConnectionLost",
            connection,
            source => new InterruptingSource(source, Field, postgres.Server.StopServerAsync),
            after: () => postgres.Server.StartServerAsync()
        );

        output.WriteLine(string.Join("\n", table));
        ScenarioReport.Write("sql-faults", table);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + string.Join("\n", table));

        // The same database and role export cleanly once the faults are gone, so each scenario failed because of its fault.
        using var clean = new TempDirectory();
        await using var healthy = await SqlExportSource.OpenAsync(connection);
        var result = await new ProjectExporter(healthy).ExportAsync(SqlExport.Options(clean.Path));
        Assert.Equal(2, result.Packages.Count);
    }
}
