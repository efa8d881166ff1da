using Pgpm.Export.Rendering;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Reliability;

/// <summary>
/// Hostile values that are legal in the database are written so that deploying the export gives them back exactly.
/// (Hostile change names and duplicates are refused: see BadInputTests; keyword and mixed-case column names
/// round-trip in RoundTripTests through the fixture's extra table; invalid UTF-8 over GraphQL: GraphQLFaultTests.)
/// </summary>
[Collection(PostgresCollection.Name)]
public class HostileDataTests(PostgresFixture postgres)
{
    private const string WeirdName = "we.ird+(x)$&'q\"";
    private const string WeirdSchema = "acme_crm_1a2b_" + WeirdName;

    [Fact]
    public async Task A_schema_named_with_regex_metacharacters_quotes_dots_and_dollar_is_renamed_literally_and_deploys()
    {
        var database = await postgres.NewFixtureDatabaseAsync("weird_schema");
        var quoted = "\"" + WeirdSchema.Replace("\"", "\"\"") + "\"";
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            SET session_replication_role TO replica;
            INSERT INTO metaschema_public.schema (id, database_id, name, schema_name) VALUES
              ('a2000000-0000-4000-8000-000000000099', '{SqlExport.Acme}', {Literal(WeirdName)}, {Literal(WeirdSchema)});
            INSERT INTO db_migrate.sql_actions (name, database_id, deploy, deps, content, revert) VALUES
              ('schemas/weird/schema', '{SqlExport.Acme}', 'schemas/weird/schema', {Literal("{schemas/acme_crm_1a2b_public/schema}")},
               {Literal($"CREATE SCHEMA {quoted}; CREATE TABLE {quoted}.t (v text DEFAULT '$&');")}, {Literal(
                $"DROP SCHEMA {quoted} CASCADE;"
            )});
            """
        );
        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);

        var renamed = SnakeCase.Convert("acme-crm_" + WeirdName);
        Assert.Matches("^[a-z0-9_]+$", renamed);
        var deploy = await File.ReadAllTextAsync(output.Combine("packages", "acme-crm", "deploy", "schemas", "weird", "schema.sql"));
        Assert.Contains($"CREATE SCHEMA \"{renamed}\"; CREATE TABLE \"{renamed}\".t (v text DEFAULT '$&');", deploy);
        Assert.DoesNotContain(WeirdSchema.Replace("\"", "\"\""), deploy);

        var target = await postgres.NewDatabaseAsync("weird_schema_target");
        await PgpmPackageDeployer.CycleAsync(
            postgres.Server,
            target,
            [output.Combine("packages", "acme-crm"), output.Combine("packages", "acme-crm-service")]
        );
        Assert.Equal(
            renamed,
            (
                await postgres.Server.QueryTextAsync(
                    target,
                    "SELECT schema_name FROM metaschema_public.schema WHERE id = 'a2000000-0000-4000-8000-000000000099'"
                )
            ).Trim()
        );
        Assert.Equal(
            "1",
            (await postgres.Server.QueryTextAsync(target, $"SELECT count(*) FROM pg_namespace WHERE nspname = {Literal(renamed)}")).Trim()
        );
        Assert.Equal(
            WeirdName,
            (
                await postgres.Server.QueryTextAsync(
                    target,
                    "SELECT name FROM metaschema_public.schema WHERE id = 'a2000000-0000-4000-8000-000000000099'"
                )
            ).TrimEnd('\n')
        );
    }

    [Fact]
    public async Task A_ten_megabyte_value_with_quotes_backslashes_dollars_and_line_breaks_round_trips_exactly()
    {
        var database = await postgres.NewFixtureDatabaseAsync("ten_mb");
        const string id = "a4000000-0000-4000-8000-000000000001";
        await postgres.Server.ExecuteAsync(
            database,
            $"UPDATE metaschema_public.field SET description = repeat(E'é🙂x''\\\\$$\\n\\r\"\\t', 1000000) WHERE id = '{id}'"
        );
        var probe = $"SELECT octet_length(description) || ' ' || md5(description) FROM metaschema_public.field WHERE id = '{id}'";
        var expected = (await postgres.Server.QueryTextAsync(database, probe)).Trim();
        Assert.True(long.Parse(expected.Split(' ')[0]) >= 10_000_000, expected);

        using var output = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, output.Path);
        var target = await postgres.NewDatabaseAsync("ten_mb_target");
        await PgpmPackageDeployer.CycleAsync(
            postgres.Server,
            target,
            [output.Combine("packages", "acme-crm"), output.Combine("packages", "acme-crm-service")]
        );
        Assert.Equal(expected, (await postgres.Server.QueryTextAsync(target, probe)).Trim());
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
