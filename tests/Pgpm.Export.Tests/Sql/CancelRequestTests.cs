using Npgsql;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// Fixed cost: reading the one database row of an id returned from inside the read, which made the source
/// cancel a query that had already ended: a cancel request is a connection of its own (the server starts a process for
/// it) on every export, and it can land on whatever the pooled connection runs next. A query whose rows are all wanted
/// is read to its end, so no cancel is sent.
/// </summary>
[Collection(PostgresCollection.Name)]
public class CancelRequestTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Looking_up_a_database_by_id_opens_no_connection_besides_the_pooled_one()
    {
        var database = await postgres.NewSampleDatabaseAsync("no_cancel_request");
        var server = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString(database));
        using var counter = new ConnectionCounter(server.Port);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Port = counter.Port,
            Pooling = true,
        }.ConnectionString;
        await using var source = await SqlExportSource.OpenAsync(connectionString);
        var opened = counter.Connections;

        Assert.NotNull(await source.GetDatabaseAsync(SampleDatabase.SampleId, CancellationToken.None));
        Assert.NotNull(await source.GetDatabaseAsync(SampleDatabase.SampleId, CancellationToken.None));

        Assert.Equal(1, opened);
        Assert.Equal(opened, counter.Connections);
    }
}
