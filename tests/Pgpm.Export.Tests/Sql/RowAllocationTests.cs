using Pgpm.Export.Model;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// Its own server, run alone: the test counts the bytes the whole process allocates, which other tests running at the
/// same time would add to.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "allocation, run alone";
}

/// <summary>
/// The per-row cost of a SQL export. A row read over SQL arrived as one COPY line; making a string of the
/// line and another of each value (UTF-16, twice the bytes of ASCII text, plus a header each) cost more than the
/// rendering itself. A row now keeps the bytes it arrived in, so reading it allocates about those bytes and its array
/// of values. Counted in bytes, not timed, so the load of the machine does not change the verdict.
/// </summary>
[Collection(AllocationCollection.Name)]
public class RowAllocationTests(PostgresFixture postgres)
{
    private const int Rows = 20_000;
    private const int TextColumns = 10;
    private const int ValueLength = 100;

    [Fact]
    public async Task Reading_a_row_over_SQL_allocates_about_its_bytes_not_a_string_per_value()
    {
        var database = await postgres.NewDatabaseAsync("row_allocation");
        var columns = Enumerable.Range(1, TextColumns).Select(i => $"c{i}").ToList();
        await postgres.Server.ExecuteAsync(
            database,
            $"""
            CREATE TABLE public.wide (id int PRIMARY KEY, database_id uuid NOT NULL, {string.Join(", ", columns.Select(c => c + " text"))});
            INSERT INTO public.wide SELECT g, '00000000-0000-0000-0000-000000000001', {string.Join(
                ", ",
                columns.Select(_ => $"lpad(g::text, {ValueLength}, 'x')")
            )}
            FROM generate_series(1, {Rows}) g;
            """
        );
        var shape = new TableShape(
            new TableRef("public", "wide"),
            [new ColumnInfo("id", "integer", PgTypeKind.Integer), .. columns.Select(c => new ColumnInfo(c, "text", PgTypeKind.Text))],
            ["id"],
            "database_id"
        );
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var databaseId = Guid.Parse("00000000-0000-0000-0000-000000000001");

        await ReadAllAsync(source, shape, databaseId); // once untimed, so that compiling the code is not counted
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (rows, last) = await ReadAllAsync(source, shape, databaseId);
        var perRow = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)rows;

        Assert.Equal(Rows, rows);
        Assert.Matches($"^x+{last.ValueSpan[0].Text}$", last.ValueSpan[TextColumns].Text);
        Assert.Equal(ValueLength, last.ValueSpan[TextColumns].Text!.Length);
        // The line's bytes (about 1,010 as UTF-8) and an array of 11 values; a string per value alone would be 2,220 more.
        var lineBytes = 6 + TextColumns * (ValueLength + 1);
        Assert.True(perRow < lineBytes + 40 * (TextColumns + 1) + 300, $"Reading a row of {lineBytes} bytes allocated {perRow:F0} bytes.");
    }

    private static async Task<(int Rows, ExportRow Last)> ReadAllAsync(SqlExportSource source, TableShape shape, Guid databaseId)
    {
        var rows = 0;
        ExportRow? last = null;
        await foreach (var row in source.ReadRowsAsync(shape, databaseId, CancellationToken.None))
        {
            rows++;
            last = row;
        }
        return (rows, last!);
    }
}
