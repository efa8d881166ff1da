using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Model;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Commands;

/// <summary>Export-PgpmProject through the pump over real PostgreSQL: piped rows, -WhatIf, -Force, cancellation.</summary>
[Collection(PostgresCollection.Name)]
public class ProjectExportTests(PostgresFixture postgres)
{
    private static ProjectExportRequest Request(
        string output,
        IReadOnlyList<RowInput>? piped = null,
        bool force = false,
        bool preview = false
    ) =>
        new()
        {
            Options = new ExportOptions
            {
                DatabaseId = SqlExport.Acme,
                OutputPath = output,
                Author = "Test Author <test@example.com>",
                Preview = preview,
            },
            PipedRows = piped,
            Force = force,
        };

    [Fact]
    public async Task Every_row_piped_back_in_writes_the_same_bytes_as_the_export_from_the_source()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_pipe"));
        using var direct = new TempDirectory();
        using var piped = new TempDirectory();

        var directHost = new RecordingHost();
        CommandRun.Run(directHost, (o, ct) => ProjectExport.RunAsync(source, Request(direct.Path), o, ct));
        var summaries = directHost.Objects.Cast<PackageSummary>().ToList();
        Assert.Equal([nameof(PackageKind.Database), nameof(PackageKind.Service)], summaries.Select(s => s.Kind));

        // Rows shuffled on the way: the order they arrive in does not change the output.
        var rows = CommandRun.AllRows(source, SqlExport.Acme);
        rows.Reverse();
        var pipedHost = new RecordingHost();
        CommandRun.Run(pipedHost, (o, ct) => ProjectExport.RunAsync(source, Request(piped.Path, CommandRun.AsPipelineInput(rows)), o, ct));

        Assert.Empty(pipedHost.Errors);
        Assert.Equal(
            summaries.Select(s => (s.Name, s.Changes, s.Rows)),
            pipedHost.Objects.Cast<PackageSummary>().Select(s => (s.Name, s.Changes, s.Rows))
        );
        WorkspaceAssert.Identical(direct.Path, piped.Path, minimumFiles: 10);
    }

    [Fact]
    public async Task Filtered_rows_write_exactly_those_rows_and_no_sql_actions_means_no_database_package()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_filter"));
        using var output = new TempDirectory();
        var rows = CommandRun
            .AllRows(source, SqlExport.Acme)
            .Cast<RowRecord>()
            .Where(r => r.Table.Name != "field" && r.Table.Name != "sql_actions")
            .ToList<object>();
        var host = new RecordingHost();
        CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(source, Request(output.Path, CommandRun.AsPipelineInput(rows)), o, ct));

        var service = Assert.Single(host.Objects.Cast<PackageSummary>());
        Assert.Equal(nameof(PackageKind.Service), service.Kind);
        Assert.Equal(rows.Count, service.Rows);
        var plan = File.ReadAllText(Path.Combine(service.Path, "pgpm.plan"));
        Assert.DoesNotContain("migrate/field ", plan);
        Assert.Contains("migrate/table ", plan);
        Assert.Contains(host.Warnings, w => w.Contains("No database package was written") && w.Contains("Get-ExportSqlAction"));
    }

    [Fact]
    public async Task A_piped_value_unlike_any_PostgreSQL_value_of_its_column_is_refused_naming_the_column_not_written_to_fail_at_deploy()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_values"));
        using var output = new TempDirectory();
        var rows = CommandRun.AllRows(source, SqlExport.Acme).Cast<RowRecord>().ToList();
        var fields = rows.Where(r => r.Table.Name == "field").ToList();
        var schema = rows.First(r => r.Table.Name == "schema");
        RowRecord With(RowRecord row, string column, object? value) =>
            row with
            {
                Values = row.Values.Select(v => v.Key == column ? new KeyValuePair<string, object?>(column, value) : v).ToList(),
            };

        // What Import-Csv gives back for a NULL (''), and a number in a locale's spelling: before, both were written as
        // quoted literals that only pgpm deploy refused.
        var objects = new List<object> { With(fields[0], "min", ""), With(fields[1], "max", "1,25"), With(schema, "category", "") };
        var host = new RecordingHost();
        var error = Assert.Throws<ExportException>(() =>
            CommandRun.Run(host, (o, ct) =>
                ProjectExport.RunAsync(source, Request(Path.Combine(output.Path, "ws"), CommandRun.AsPipelineInput(objects)), o, ct)
            )
        );

        Assert.Equal("PipedRowsRejected", error.ErrorId);
        Assert.Equal(["RowValueInvalid", "RowValueInvalid", "RowValueInvalid"], host.Errors.Select(e => e.ErrorId));
        Assert.Contains("min (double precision)", host.Errors[0].Message);
        Assert.Contains("Import-Csv", host.Errors[0].Message);
        Assert.Contains("max (double precision)", host.Errors[1].Message);
        Assert.Contains("category (metaschema_public.object_category)", host.Errors[2].Message);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "ws", "packages")));
    }

    [Fact]
    public async Task Each_unusable_piped_object_is_its_own_invalid_data_record_and_nothing_is_written()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_bad"));
        using var output = new TempDirectory();
        var good = CommandRun.AllRows(source, SqlExport.Acme).Cast<RowRecord>().Where(r => r.Table.Name == "table").ToList();
        var otherDatabase = CommandRun.AllRows(source, SqlExport.Other).OfType<RowRecord>().First(r => r.Table.Name == "schema");
        RowRecord With(RowRecord row, string column, object? value) =>
            row with
            {
                Values = row.Values.Select(v => v.Key == column ? new KeyValuePair<string, object?>(column, value) : v).ToList(),
            };
        RowRecord Without(RowRecord row, string column) => row with { Values = row.Values.Where(v => v.Key != column).ToList() };

        var objects = new List<object>
        {
            good[0],
            "just a string",
            Without(good[1], "name"),
            With(good[1], "id", "not-a-uuid"),
            otherDatabase,
            good[0],
            good[1] with
            {
                Table = new TableRef("metaschema_public", "no_such_table"),
            },
        };
        var host = new RecordingHost();
        var error = Assert.Throws<ExportException>(() =>
            CommandRun.Run(host, (o, ct) =>
                ProjectExport.RunAsync(source, Request(Path.Combine(output.Path, "ws"), CommandRun.AsPipelineInput(objects)), o, ct)
            )
        );

        Assert.Equal("PipedRowsRejected", error.ErrorId);
        Assert.Contains("6 of 7", error.Message);
        Assert.Equal(
            ["RowTypeUnknown", "RowColumnMissing", "RowValueInvalid", "RowOfOtherDatabase", "RowDuplicate", "RowTableUnknown"],
            host.Errors.Select(e => e.ErrorId)
        );
        Assert.All(host.Errors, e => Assert.Equal(ExportErrorKind.InvalidData, e.Kind));
        Assert.Equal([2, 3, 4, 5, 6, 7], host.Errors.Select(e => (int)e.Target!));
        Assert.Contains("'name'", host.Errors[1].Message);
        Assert.Contains("not-a-uuid", host.Errors[2].Message);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "ws")));
    }

    [Fact]
    public async Task No_piped_rows_is_an_error_rather_than_a_silent_full_export()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_none"));
        using var output = new TempDirectory();
        var error = Assert.Throws<ExportException>(() =>
            CommandRun.Run(new RecordingHost(), (o, ct) => ProjectExport.RunAsync(source, Request(output.Path, []), o, ct))
        );
        Assert.Equal(("NoPipedRows", ExportErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    /// <summary>
    /// -WhatIf says what each package would hold (changes and rows, the service package's changes by
    /// table) from the source's counts: it reads no row and writes nothing, not even in a temporary folder.
    /// </summary>
    [Fact]
    public async Task WhatIf_says_what_each_package_would_hold_from_counts_and_reads_no_row()
    {
        using var sql = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_whatif"));
        var counting = new CountingSource(sql.Inner);
        using var source = new PgpmExportSource(counting, "Sql");
        using var output = new TempDirectory();
        var target = Path.Combine(output.Path, "ws");
        var host = new RecordingHost { ShouldProcessAnswer = false };
        CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(source, Request(target, preview: true), o, ct));

        Assert.False(Directory.Exists(target));
        Assert.Equal(0, counting.RowsRead);
        Assert.Empty(host.Objects);
        Assert.Empty(host.ShouldContinueCalls);
        Assert.Equal(2, host.ShouldProcessCalls.Count);

        var real = new RecordingHost();
        CommandRun.Run(real, (o, ct) => ProjectExport.RunAsync(source, Request(target), o, ct));
        foreach (var (package, call) in real.Objects.Cast<PackageSummary>().Zip(host.ShouldProcessCalls))
        {
            Assert.Equal(package.Path, call.Target);
            Assert.Contains($"({package.Changes} changes, {package.Rows} ", call.Action);
            if (package.Is(PackageKind.Service) is false)
                continue;
            var listed = call
                .WhatIf.Split('\n')
                .Skip(1)
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("migrate/", StringComparison.Ordinal))
                .Select(l => l[..l.IndexOf(':')]);
            var written = TempDirectory
                .Snapshot(package.Path)
                .Keys.Where(f => f.StartsWith("deploy/", StringComparison.Ordinal))
                .Select(f => f["deploy/".Length..^".sql".Length]);
            Assert.Equal(written.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task An_existing_package_is_replaced_only_with_force_or_when_the_user_agrees()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_force"));
        using var output = new TempDirectory();
        CommandRun.Run(new RecordingHost(), (o, ct) => ProjectExport.RunAsync(source, Request(output.Path), o, ct));
        var plan = Directory.EnumerateFiles(output.Path, "pgpm.plan", SearchOption.AllDirectories).First();
        File.WriteAllText(plan, "changed by hand\n");

        var declined = new RecordingHost { ShouldContinueAnswer = false };
        CommandRun.Run(declined, (o, ct) => ProjectExport.RunAsync(source, Request(output.Path), o, ct));
        Assert.Equal(2, declined.ShouldContinueCalls.Count);
        Assert.Empty(declined.Objects);
        Assert.Equal("changed by hand\n", File.ReadAllText(plan));
        Assert.Contains(declined.Warnings, w => w.Contains("-Force"));

        var forced = new RecordingHost { ShouldContinueAnswer = false };
        CommandRun.Run(forced, (o, ct) => ProjectExport.RunAsync(source, Request(output.Path, force: true), o, ct));
        Assert.Empty(forced.ShouldContinueCalls);
        Assert.Equal(2, forced.Objects.Count);
        Assert.NotEqual("changed by hand\n", File.ReadAllText(plan));

        var agreed = new RecordingHost { ShouldContinueAnswer = true };
        CommandRun.Run(agreed, (o, ct) => ProjectExport.RunAsync(source, Request(output.Path), o, ct));
        Assert.Equal(2, agreed.ShouldContinueCalls.Count);
        Assert.Equal(2, agreed.Objects.Count);
    }

    [Fact]
    public async Task Stopping_mid_export_cancels_promptly_and_leaves_nothing_behind()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_cancel"));
        using var output = new TempDirectory();
        using var stop = new CancellationTokenSource();
        var host = new RecordingHost
        {
            OnProgress = p =>
            {
                if (p.Status.StartsWith("metaschema_public."))
                    stop.Cancel();
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() =>
            CommandRun.Run(host, (o, ct) => ProjectExport.RunAsync(source, Request(output.Path), o, ct), stop.Token)
        );

        Assert.Empty(host.Objects);
        await Pgpm.Export.Writing.DiscardedDirectories.WhenDeletedAsync(); // a stop returns before its staging is deleted
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }
}
