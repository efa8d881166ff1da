using Pgpm.Export.Exporting;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// Fixed cost: most meta tables have no rows for a database, and each was read with a COPY of its own (a
/// connection checkout, the snapshot adopted, the COPY, the rollback) only to write nothing. The SQL source now says in
/// one query, in the export's snapshot, which tables have rows, and only those are read; a GraphQL source asks it in one
/// request (an alias per connection) instead of a page request per table. The bytes are the same (the parity and
/// round-trip tests compare them).
/// </summary>
[Collection(PostgresCollection.Name)]
public class EmptyTableTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Only_the_meta_tables_with_rows_for_the_database_are_read()
    {
        var database = await postgres.NewFixtureDatabaseAsync("tables_with_rows");
        using var output = new TempDirectory();
        await using var sql = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var source = new CountingSource(sql);

        var result = await new ProjectExporter(source).ExportAsync(SqlExport.Options(output.Path));

        AssertOnlyWrittenTablesRead(result, source);
    }

    [Theory]
    [InlineData(GraphQLDialect.Default, false)]
    [InlineData(GraphQLDialect.Constructive, false)]
    [InlineData(GraphQLDialect.PostGraphileV4, false)]
    [InlineData(GraphQLDialect.Default, true)]
    public async Task Over_GraphQL_only_the_meta_tables_with_rows_for_the_database_are_read(
        GraphQLDialect dialect,
        bool introspectionDisabled
    )
    {
        var database = await postgres.NewSampleDatabaseAsync($"gql_tables_with_rows_{dialect}_{introspectionDisabled}".ToLowerInvariant());
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: introspectionDisabled);
        using var output = new TempDirectory();
        await using var graphQL = await GraphQLExportSource.OpenAsync(new GraphQLEndpointOptions { Endpoint = server.Endpoint });
        var source = new CountingSource(graphQL);

        // PostGraphile v4 honours the schema's @omit on database.schema_hash, which is beside the point here.
        var result = await new ProjectExporter(source).ExportAsync(
            SqlExport.Options(output.Path) with
            {
                DatabaseId = SampleDatabase.SampleId,
                AllowMissingColumns = true,
            }
        );

        AssertOnlyWrittenTablesRead(result, source);
    }

    private static void AssertOnlyWrittenTablesRead(ExportResult result, CountingSource source)
    {
        var service = result.Packages.Single(p => p.Is(Pgpm.Export.Writing.PackageKind.Service));
        var written = Directory
            .GetFiles(Path.Combine(service.Path, "deploy", "migrate"), "*.sql")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var read = source.TablesRead.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(written.Count >= 5, $"The database should fill several tables; only {written.Count} were written.");
        Assert.Equal(written, read);
    }
}
