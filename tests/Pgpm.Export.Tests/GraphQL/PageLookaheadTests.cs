using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// Over GraphQL, fetching a table's next page overlaps rendering the current one, and is bounded: at most
/// the page being read and the one in flight. Watched on a real PostGraphile server through the proxy.
/// </summary>
[Collection(PostgresCollection.Name)]
public class PageLookaheadTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_next_page_is_asked_for_while_the_current_one_is_read_and_never_a_page_further()
    {
        var database = await postgres.NewSampleDatabaseAsync("gql_lookahead");
        await using var server = await GraphQLExport.StartAsync(postgres, database, GraphQLDialect.Default);
        await using var proxy = await FaultProxy.StartAsync(server.Endpoint);
        var asked = 0;
        var secondAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Received += request =>
        {
            if (!request.Query.Contains("allFields(", StringComparison.Ordinal))
                return;
            if (Interlocked.Increment(ref asked) == 2)
                secondAsked.TrySetResult();
        };

        await using var source = await GraphQLExportSource.OpenAsync(
            new GraphQLEndpointOptions { Endpoint = proxy.Endpoint, PageSize = 2 }
        );
        var table = new Model.TableRef(MetaSchemas.Metaschema, "field");
        var shape = (await source.DescribeTableAsync(table, ExportManifest.BuiltIn.Find(table), CancellationToken.None))!;
        var rows = 0;
        await foreach (var _ in source.ReadRowsAsync(shape, SampleDatabase.SampleId, CancellationToken.None))
        {
            rows++;
            var reading = (rows + 1) / 2;
            Assert.True(
                Volatile.Read(ref asked) <= reading + 1,
                $"While reading page {reading}, {asked} pages had been asked for: more than one ahead."
            );
            // Page 2 must be on its way while this, the first row of page 1, is still being handled.
            if (rows == 1)
                await secondAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        Assert.True(rows >= 5, $"The sample has only {rows} field rows; the test needs at least three pages.");
    }
}
