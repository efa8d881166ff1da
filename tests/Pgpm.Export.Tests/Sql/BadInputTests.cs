using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>Each wrong input fails with an error that names what is wrong, and leaves nothing half-written.</summary>
[Collection(PostgresCollection.Name)]
public class BadInputTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Unknown_database_id_lists_the_databases_that_exist()
    {
        var database = await postgres.NewFixtureDatabaseAsync("unknown_id");
        using var output = new TempDirectory();
        var workspace = output.Combine("ws");
        var missing = Guid.Parse("deadbeef-0000-4000-8000-000000000000");
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, database, workspace, adjust: o => new() { OutputPath = o.OutputPath, DatabaseId = missing })
        );
        Assert.Equal(ExportErrorKind.NotFound, error.Kind);
        Assert.Equal("DatabaseNotFound", error.ErrorId);
        Assert.Contains(missing.ToString(), error.Message);
        Assert.Contains($"acme-crm ({SqlExport.Acme})", error.Message);
        Assert.False(Directory.Exists(workspace));
    }

    [Fact]
    public async Task Unknown_database_name_and_unknown_schema_are_named()
    {
        var database = await postgres.NewFixtureDatabaseAsync("unknown_name");
        using var output = new TempDirectory();
        var byName = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExport.RunAsync(postgres, database, output.Path, adjust: o => new() { OutputPath = o.OutputPath, DatabaseName = "nope" })
        );
        Assert.Contains("'nope'", byName.Message);
        Assert.Contains("other-db", byName.Message);

        var schema = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Path, adjust: o => new()
                {
                    OutputPath = o.OutputPath,
                    DatabaseId = SqlExport.Acme,
                    Schemas = ["public", "ghost"],
                }));
        Assert.Equal("SchemaNotFound", schema.ErrorId);
        Assert.Contains("'ghost'", schema.Message);
        Assert.Contains("reports_v2 (acme_crm_1a2b_reports_v2)", schema.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Unreachable_server_is_a_connection_error_naming_host_and_port()
    {
        var port = Sandbox.LoopbackPort.Free();
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExportSource.OpenAsync($"Host=127.0.0.1;Port={port};Database=x;Username=u;Password=pw-should-not-leak;Timeout=5")
        );
        Assert.Equal(ExportErrorKind.Connection, error.Kind);
        Assert.Equal("SqlUnreachable", error.ErrorId);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("pw-should-not-leak", error.ToString());
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_error_that_never_shows_the_password()
    {
        const string secret = "Wr0ng-Secret-Value";
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExportSource.OpenAsync(postgres.Server.ConnectionString("postgres", password: secret))
        );
        Assert.Equal(ExportErrorKind.Authentication, error.Kind);
        Assert.Equal("SqlAuthenticationFailed", error.ErrorId);
        Assert.Contains("password", error.Message);
        Assert.DoesNotContain(secret, error.ToString());
        Assert.DoesNotContain(postgres.Server.Password, error.ToString());
    }

    [Fact]
    public async Task Malformed_connection_string_is_refused_without_echoing_it()
    {
        var error = await Assert.ThrowsAsync<ExportException>(() =>
            SqlExportSource.OpenAsync("Host=x;Passw0rd-typo=hunter2;Port=notanumber")
        );
        Assert.Equal("ConnectionStringInvalid", error.ErrorId);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("Foo=", "key with an empty value")]
    [InlineData("garbage=;;", "key with an empty value")]
    [InlineData("Host=127.0.0.1;Foo=bar", "'foo'")]
    [InlineData("Host=", "names no Host")]
    [InlineData("Database=x;Username=y", "names no Host")]
    public async Task A_connection_string_with_an_unknown_key_or_no_host_says_what_is_wrong_instead_of_failing_unexpectedly(
        string connectionString,
        string expected
    )
    {
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExportSource.OpenAsync(connectionString));
        Assert.Equal(ExportErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("ConnectionStringInvalid", error.ErrorId);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("bar", error.Message);
    }

    [Fact]
    public async Task A_database_that_is_not_constructive_says_so()
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString("postgres"));
        var error = await Assert.ThrowsAsync<ExportException>(() => source.ListDatabasesAsync(CancellationToken.None));
        Assert.Equal("NotAConstructiveDatabase", error.ErrorId);
        Assert.Contains("metaschema", error.Message);
    }

    [Fact]
    public async Task Missing_db_migrate_still_writes_the_service_package_and_says_why()
    {
        var database = await postgres.NewFixtureDatabaseAsync("no_migrate");
        await postgres.Server.ExecuteAsync(database, "DROP SCHEMA db_migrate CASCADE");
        using var output = new TempDirectory();
        var log = new RecordingLog();
        var result = await SqlExport.RunAsync(postgres, database, output.Path, log);

        var only = Assert.Single(result.Packages);
        Assert.Equal("acme-crm-service", only.Name);
        Assert.Contains("no db_migrate.sql_actions table", Assert.Single(result.Skipped));
        Assert.Contains(log.Warnings, w => w.Contains("No database package was written") && w.Contains("db_migrate.sql_actions"));
        Assert.False(Directory.Exists(output.Combine("packages", "acme-crm")));
    }

    [Fact]
    public async Task Output_path_that_is_a_file_is_refused()
    {
        var database = await postgres.NewFixtureDatabaseAsync("out_file");
        using var output = new TempDirectory();
        var file = output.Combine("not-a-dir");
        await File.WriteAllTextAsync(file, "keep me");
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, file));
        Assert.Equal("OutputPathIsFile", error.ErrorId);
        Assert.Contains(file, error.Message);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("../../escaped", "a '.' or '..' segment")]
    [InlineData("/etc/evil", "absolute path")]
    [InlineData("schemas\\evil", "backslash")]
    [InlineData("ok\nevil 2017-08-11T08:11:51Z x <x@x> # injected", "path segments")]
    [InlineData("a/./b", "a '.' or '..' segment")]
    [InlineData("", "empty")]
    public async Task Hostile_change_names_are_refused_naming_the_row_and_nothing_is_written(string deploy, string reason)
    {
        var database = await postgres.NewFixtureDatabaseAsync("hostile");
        await SetDeployAsync(database, "schemas/acme_crm_1a2b_reports_v2/schema", deploy);
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Combine("ws")));
        Assert.Equal(ExportErrorKind.InvalidData, error.Kind);
        Assert.Equal("ChangeNameInvalid", error.ErrorId);
        Assert.Contains("sql_actions row 3", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.DoesNotContain("\n", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(output.Path, "escaped.sql")));
    }

    [Fact]
    public async Task Two_rows_with_one_change_name_after_renaming_are_refused_naming_both()
    {
        var database = await postgres.NewFixtureDatabaseAsync("duplicate");
        await SetDeployAsync(database, "schemas/acme_crm_1a2b_reports_v2/schema", "schemas/acme_crm_public/schema");
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Path));
        Assert.Equal("ChangeNameDuplicate", error.ErrorId);
        Assert.Contains("sql_actions row 1", error.Message);
        Assert.Contains("sql_actions row 3", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task A_hostile_dependency_is_refused()
    {
        var database = await postgres.NewFixtureDatabaseAsync("hostile_dep");
        await postgres.Server.ExecuteAsync(database, "UPDATE db_migrate.sql_actions SET deps = '{../../x}' WHERE id = 2");
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Path));
        Assert.Equal("DependencyInvalid", error.ErrorId);
        Assert.Contains("sql_actions row 2", error.Message);
    }

    [Fact]
    public async Task A_database_name_that_cannot_be_a_directory_asks_for_a_package_name()
    {
        var database = await postgres.NewFixtureDatabaseAsync("hostile_name");
        await postgres.Server.ExecuteAsync(
            database,
            $"UPDATE metaschema_public.database SET name = '../evil' WHERE id = '{SqlExport.Acme}'"
        );
        using var output = new TempDirectory();
        var error = await Assert.ThrowsAsync<ExportException>(() => SqlExport.RunAsync(postgres, database, output.Combine("ws")));
        Assert.Equal("PackageNameInvalid", error.ErrorId);
        Assert.Contains("--extension-name", Pgpm.Export.Errors.OptionName.Render(error.Message, Pgpm.Export.Errors.Vocabulary.CommandLine));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Cancelling_mid_export_leaves_nothing_behind()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cancel");
        using var output = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var progress = new SynchronousProgress<ExportProgress>(p =>
        {
            if (p is TableProgress { Table.Name: "field", Completed: true })
                cancellation.Cancel();
        });
        var exporter = new ProjectExporter(source, progress: progress);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            exporter.ExportAsync(new ExportOptions { OutputPath = output.Combine("ws"), DatabaseId = SqlExport.Acme }, cancellation.Token)
        );
        await Pgpm.Export.Writing.DiscardedDirectories.WhenDeletedAsync(); // a stop returns before its staging is deleted
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    /// <summary>
    /// A cancelled export stops reading at once. Npgsql hands out rows it already holds without looking
    /// at the token, and while the server keeps sending it always holds some: a stopped export went on reading a large
    /// table for seconds after Ctrl+C. No row may be written once the token is cancelled.
    /// </summary>
    [Fact]
    public async Task Cancelling_stops_reading_a_large_table_at_once()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cancel_large");
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            SET session_replication_role TO replica;
            INSERT INTO metaschema_public.field (id, database_id, table_id, name, label, description, type, field_order)
            SELECT gen_random_uuid(), '{SqlExport.Acme}', gen_random_uuid(), 'bulk_' || g, 'Bulk ' || g,
                   repeat('A field of the bulk. ', 8), 'text', g
            FROM generate_series(1, 50000) g;
            """
        );
        using var output = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        long? reportedAfterCancel = null;
        var progress = new SynchronousProgress<ExportProgress>(value =>
        {
            if (value is not TableProgress { Table.Name: "field" } p)
                return;
            if (cancellation.IsCancellationRequested)
                reportedAfterCancel ??= p.Rows;
            else if (!p.Completed)
                cancellation.Cancel();
        });
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var exporter = new ProjectExporter(source, progress: progress);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            exporter.ExportAsync(
                new ExportOptions
                {
                    OutputPath = output.Combine("ws"),
                    DatabaseId = SqlExport.Acme,
                    Concurrency = 1,
                },
                cancellation.Token
            )
        );
        Assert.Null(reportedAfterCancel);
        await Pgpm.Export.Writing.DiscardedDirectories.WhenDeletedAsync(); // a stop returns before its staging is deleted
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories));
    }

    private Task SetDeployAsync(string database, string from, string to) =>
        postgres.Server.ExecuteAsync(
            database,
            $"UPDATE db_migrate.sql_actions SET deploy = '{to.Replace("'", "''")}' WHERE deploy = '{from}'"
        );
}
