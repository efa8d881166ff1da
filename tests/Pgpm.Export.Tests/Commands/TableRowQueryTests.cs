using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Commands;

/// <summary>Get-ExportDatabase, Get-ExportSchema, Get-ExportTable and Get-ExportSqlAction through the pump, over real PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public class TableRowQueryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Databases_are_listed_in_order_and_filtered_by_wildcard_and_a_missing_exact_name_is_a_not_found_record()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_db"));
        var all = new RecordingHost();
        CommandRun.Run(all, (o, ct) => DatabaseQuery.RunAsync(source, null, o, ct));
        var names = all.Objects.Cast<DatabaseInfo>().Select(d => d.Name).ToList();
        Assert.Contains("acme-crm", names);
        Assert.True(names.Count >= 2);

        var filtered = new RecordingHost();
        CommandRun.Run(filtered, (o, ct) => DatabaseQuery.RunAsync(source, ["ACME*", "no-such-db", "zz*"], o, ct));
        Assert.Equal(["acme-crm"], filtered.Objects.Cast<DatabaseInfo>().Select(d => d.Name));
        var error = Assert.Single(filtered.Errors);
        Assert.Equal(("DatabaseNotFound", ExportErrorKind.NotFound, "no-such-db"), (error.ErrorId, error.Kind, error.Target));
        Assert.True(error.IsPerItem);
        Assert.Contains("acme-crm", error.Message);
    }

    [Fact]
    public async Task Rows_stream_in_export_order_with_typed_values_and_only_the_chosen_database()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cmd_rows");
        using var source = await CommandRun.SqlSourceAsync(postgres, database);
        var host = new RecordingHost();
        CommandRun.Run(host, (o, ct) => TableRowQuery.RunAsync(source, SqlExport.Acme, null, o, ct));
        var rows = host.Objects.Cast<RowRecord>().ToList();

        var order = rows.Select(r => r.Table).Distinct().ToList();
        var manifestOrder = Pgpm.Export.Manifest.ExportManifest.BuiltIn.Tables.Select(t => t.Table).Where(order.Contains).ToList();
        Assert.Equal(manifestOrder, order.Take(manifestOrder.Count));
        Assert.All(rows, r =>
            Assert.Equal(
                SqlExport.Acme,
                r.Table == MetaSchemas.DatabaseTable
                    ? r.Values.Single(v => v.Key == "id").Value
                    : r.Values.Single(v => v.Key == "database_id").Value
            )
        );

        var database0 = Assert.Single(rows, r => r.Table == MetaSchemas.DatabaseTable);
        Assert.Equal("Pgpm.Export.Row#metaschema_public.database", database0.TypeName);
        Assert.Equal("acme-crm", database0.Values.Single(v => v.Key == "name").Value);

        // Typed where the conversion goes back exactly; text elsewhere.
        var fields = rows.Where(r => r.Table == new TableRef("metaschema_public", "field")).ToList();
        Assert.NotEmpty(fields);
        var field = fields[0].Values.ToDictionary(v => v.Key, v => v.Value);
        Assert.IsType<Guid>(field["id"]);
        Assert.IsType<bool>(field["is_required"]);
        Assert.True(field["smart_tags"] is null or string);
        Assert.All(rows.SelectMany(r => r.Values), v =>
            Assert.True(v.Value is null or string or bool or long or Guid or string?[], $"{v.Key}: {v.Value?.GetType()}")
        );

        // One count per table, as PostgreSQL counts it.
        foreach (var table in order)
        {
            var count = await postgres.Server.QueryTextAsync(
                database,
                $"SELECT count(*) FROM {table} WHERE {MetaSchemas.DatabaseColumnOf(table)} = '{SqlExport.Acme}'"
            );
            Assert.Equal(count.Trim(), rows.Count(r => r.Table == table).ToString());
        }
        Assert.Contains(host.Progress, p => p.Completed);
    }

    [Fact]
    public async Task A_downstream_stop_cancels_the_read_before_the_table_is_read_to_its_end()
    {
        var database = await postgres.NewDatabaseAsync("cmd_stop");
        await postgres.Server.RunFileAsync(database, FixtureFiles.Path("shared_rows.sql"));
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            INSERT INTO metaschema_public.database (id, name) VALUES ('{SqlExport.Acme}', 'acme-crm') ON CONFLICT DO NOTHING;
            INSERT INTO metaschema_public.schema (database_id, name, schema_name)
            SELECT '{SqlExport.Acme}', 'bulk_' || i, 'bulk_schema_' || i FROM generate_series(1, 5000) AS i;
            """
        );
        using var opened = await CommandRun.SqlSourceAsync(postgres, database);
        var counting = new CountingSource(opened.Inner);
        using var source = new PgpmExportSource(counting, "Sql");
        var host = new RecordingHost { StopAfterObjects = 5 };

        Assert.Throws<RecordingHost.PipelineStopped>(() =>
            CommandRun.Run(host, (o, ct) => TableRowQuery.RunAsync(source, SqlExport.Acme, ["schema"], o, ct))
        );

        Assert.Equal(5, host.Objects.Count);
        // Five delivered, the sixth refused, at most ObjectsInFlight queued behind them and one more read while waiting for room: of 5000.
        Assert.InRange(counting.RowsRead, 5, 5 + 1 + CommandPump.ObjectsInFlight + 1);
    }

    [Fact]
    public async Task Sql_actions_are_rows_of_db_migrate_sql_actions_in_id_order_less_the_excluded_categories()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_actions"));
        var all = new RecordingHost();
        CommandRun.Run(all, (o, ct) => SqlActionQuery.RunAsync(source, SqlExport.Acme, null, o, ct));
        var rows = all.Objects.Cast<RowRecord>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Pgpm.Export.Row#db_migrate.sql_actions", r.TypeName));
        var ids = rows.Select(r => (long)r.Values.Single(v => v.Key == "id").Value!).ToList();
        Assert.Equal(ids.Order(), ids);
        var categories = rows.Select(r => (string?)r.Values.Single(v => v.Key == "category").Value)
            .Where(c => c is not null)
            .Distinct()
            .ToList();
        Assert.NotEmpty(categories);

        var excluded = new RecordingHost();
        CommandRun.Run(excluded, (o, ct) => SqlActionQuery.RunAsync(source, SqlExport.Acme, [categories[0]!], o, ct));
        Assert.Equal(rows.Count(r => (string?)r.Values.Single(v => v.Key == "category").Value != categories[0]), excluded.Objects.Count);

        // A category no row has (a typo) is refused before any row is written, not ignored.
        var typo = new RecordingHost();
        var error = Assert.Throws<ExportException>(() =>
            CommandRun.Run(typo, (o, ct) => SqlActionQuery.RunAsync(source, SqlExport.Acme, [categories[0]!.ToUpperInvariant()], o, ct))
        );
        Assert.Equal(("CategoryUnknown", ExportErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains(
            $"'{categories[0]!.ToUpperInvariant()}' given to -ExcludeCategory",
            OptionName.Render(error.Message, Vocabulary.PowerShell)
        );
        Assert.Empty(typo.Objects);
    }

    [Fact]
    public async Task An_unknown_database_or_table_is_a_not_found_record_and_list_available_says_what_the_source_exposes()
    {
        using var source = await CommandRun.SqlSourceAsync(postgres, await postgres.NewFixtureDatabaseAsync("cmd_missing"));
        var host = new RecordingHost();
        var missing = Guid.Parse("deadbeef-0000-4000-8000-000000000000");
        var error = Assert.Throws<ExportException>(() => CommandRun.Run(host, (o, ct) => SchemaQuery.RunAsync(source, missing, o, ct)));
        Assert.Equal(("DatabaseNotFound", ExportErrorKind.NotFound), (error.ErrorId, error.Kind));
        Assert.Contains(missing.ToString(), error.Message);

        var tables = new RecordingHost();
        CommandRun.Run(tables, (o, ct) => TableRowQuery.RunAsync(source, SqlExport.Acme, ["no_such_table", "field"], o, ct));
        Assert.Equal("TableNotFound", Assert.Single(tables.Errors).ErrorId);
        Assert.All(tables.Objects.Cast<RowRecord>(), r => Assert.Equal("field", r.Table.Name));

        var list = new RecordingHost();
        CommandRun.Run(list, (o, ct) => TableListQuery.RunAsync(source, null, o, ct));
        var infos = list.Objects.Cast<ExportTableInfo>().ToList();
        Assert.Equal(
            Pgpm.Export.Manifest.ExportManifest.BuiltIn.Tables.Select(t => t.Table.ToString()),
            infos.Where(i => i.InManifest).Select(i => i.FullName)
        );
        Assert.All(infos, i => Assert.True(i.Exposed, i.FullName));
        Assert.Contains(infos, i => !i.InManifest && i.Name == "export_value_fixture");

        var schemas = new RecordingHost();
        CommandRun.Run(schemas, (o, ct) => SchemaQuery.RunAsync(source, SqlExport.Acme, o, ct));
        Assert.NotEmpty(schemas.Objects);
        Assert.All(schemas.Objects.Cast<SchemaInfo>(), s => Assert.Equal(SqlExport.Acme, s.DatabaseId));
    }
}
