using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// metaschema_public.schema extended with one column of every type a PostGraphile server can return
/// (Fixtures/every_type.sql: hstore, six range types, arrays of timestamptz, timestamp, date, interval, numeric, json,
/// jsonb, bytea, enum, uuid and a domain, jsonb keys a JavaScript server reorders, years beyond 9999). In each dialect
/// the GraphQL export is byte-identical to the SQL export; each value a server cannot carry is then set alone and either
/// stops the export naming table and column or differs exactly as docs/graphql.md says.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TypeParityTests(PostgresFixture postgres)
{
    private const string Row = "a2000000-0000-4000-8000-000000000001";
    private const string SchemaFile = "packages/acme-crm-service/deploy/migrate/schema.sql";

    [Theory]
    [MemberData(nameof(GraphQLExport.DialectsWithAndWithoutIntrospection), MemberType = typeof(GraphQLExport))]
    public async Task Every_type_is_carried_byte_for_byte_or_stopped_by_name(GraphQLDialect dialect, bool introspectionDisabled)
    {
        var database = await postgres.NewParityDatabaseAsync("types");
        await postgres.Server.RunFileAsync(database, FixtureFiles.Path("every_type.sql"));
        var manifest = await GraphQLExport.ParityManifestAsync(postgres, database, dialect);
        // Without introspection every value's shape comes from the manifest's column type instead of the API's scalar.
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: introspectionDisabled);

        var all = await ExportBothAsync(database, manifest, server);
        all.AssertIdentical();
        Assert.Contains("x_range_tstz", all.GraphQLText);
        Assert.Contains("\"\"=>\"\", \"9\"=>\"y\", \"a\"=>\"1\", \"10\"=>\"x\"", all.GraphQLText);

        var v5 = dialect != GraphQLDialect.PostGraphileV4;

        // BC: v4 sends the era; v5 drops it (documented), so only v5 may lose it, and only that.
        await Set(database, "x_ts_bc = '0044-03-15 12:00:00 BC', x_date_bc = '0044-03-15 BC'");
        var bc = await ExportBothAsync(database, manifest, server);
        if (v5)
            Assert.Equal(
                bc.SqlText.Replace("'0044-03-15T12:00:00.000 BC'", "'0044-03-15T12:00:00.000'").Replace("'0044-03-15 BC'", "'0044-03-15'"),
                bc.GraphQLText
            );
        else
            bc.AssertIdentical();
        await Set(database, "x_ts_bc = NULL, x_date_bc = NULL");

        // An empty range: v4 sends it like (,), so it stops; v5 sends it like NULL (documented).
        await Set(database, "x_range_int4 = 'empty'");
        var empty = await ExportBothAsync(database, manifest, server);
        if (v5)
            Assert.Equal(empty.SqlText.Replace("'empty'", "NULL"), empty.GraphQLText);
        else
            empty.AssertStopped("metaschema_public.schema.x_range_int4", "empty range");
        await Set(database, "x_range_int4 = '[1,10)'");

        // An infinite bound: v4 sends "infinity"; v5 sends it like a missing bound, so it stops.
        await Set(database, "x_range_ts = '[2024-01-01 10:00:00,infinity)'");
        var infinite = await ExportBothAsync(database, manifest, server);
        if (v5)
            infinite.AssertStopped("metaschema_public.schema.x_range_ts", "infinite bound");
        else
            infinite.AssertIdentical();
    }

    private Task Set(string database, string assignments) =>
        postgres.Server.ExecuteAsync(database, $"UPDATE metaschema_public.schema SET {assignments} WHERE id = '{Row}'");

    /// <summary>The SQL export, and the GraphQL export or (when it stopped) the stop.</summary>
    private async Task<Exports> ExportBothAsync(string database, ExportManifest manifest, LocalGraphQLServer server)
    {
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => o with { Manifest = manifest });
        ExportException? stop = null;
        try
        {
            await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, pageSize: 2);
        }
        catch (ExportException e)
        {
            stop = e;
        }
        return new Exports(TempDirectory.Snapshot(sql.Path), TempDirectory.Snapshot(graphql.Path), stop);
    }

    private sealed record Exports(
        IReadOnlyDictionary<string, byte[]> Sql,
        IReadOnlyDictionary<string, byte[]> GraphQL,
        ExportException? Stop
    )
    {
        public string SqlText => System.Text.Encoding.UTF8.GetString(Sql[SchemaFile]);
        public string GraphQLText => Stop is null ? System.Text.Encoding.UTF8.GetString(GraphQL[SchemaFile]) : throw Stop;

        public void AssertIdentical()
        {
            Assert.Null(Stop);
            Assert.True(Sql.Count >= 30);
            Assert.Equal(Sql.Keys.Order(), GraphQL.Keys.Order());
            foreach (var (path, bytes) in Sql)
                Assert.True(
                    bytes.AsSpan().SequenceEqual(GraphQL[path]),
                    $"{path} differs:\n{System.Text.Encoding.UTF8.GetString(bytes)}\n---\n"
                        + $"{System.Text.Encoding.UTF8.GetString(GraphQL[path])}"
                );
        }

        public void AssertStopped(string column, string why)
        {
            Assert.NotNull(Stop);
            Assert.Equal("GraphQLValueInvalid", Stop.ErrorId);
            Assert.Contains(column, Stop.Message);
            Assert.Contains(why, Stop.Message);
            Assert.Empty(GraphQL);
        }
    }
}
