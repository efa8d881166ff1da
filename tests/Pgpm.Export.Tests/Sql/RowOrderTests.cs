using Npgsql;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// Rows are read in key order by the key's own type. The row query selects every column as text under its own name,
/// and a bare <c>ORDER BY "id"</c> binds to that text output column first (PostgreSQL's rule for ORDER BY names): an
/// integer key then sorted as text (10 before 9), unlike a GraphQL API, which orders by the column. No built-in meta
/// table has an integer key, but a user's manifest may list one.
/// </summary>
[Collection(PostgresCollection.Name)]
public class RowOrderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_integer_key_orders_by_its_value_not_its_text()
    {
        var database = await postgres.NewDatabaseAsync("row_order");
        var owner = Guid.NewGuid();
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            CREATE TABLE public.keyed (id int PRIMARY KEY, database_id uuid NOT NULL);
            INSERT INTO public.keyed VALUES (10, '{owner}'), (9, '{owner}'), (100, '{owner}');
            """
        );
        var shape = new TableShape(
            new TableRef("public", "keyed"),
            [new ColumnInfo("id", "int4", PgTypeKind.Integer), new ColumnInfo("database_id", "uuid", PgTypeKind.Uuid)],
            ["id"],
            "database_id"
        );

        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(SqlRowQueries.Rows(shape), connection) { Parameters = { new() { Value = owner } } };
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                ids.Add(reader.GetString(0));
        Assert.Equal(["9", "10", "100"], ids);
    }
}
