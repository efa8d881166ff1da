using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// Issue 13, item 3 (first step): a real PostGraphile whose front refuses <c>__schema</c>/<c>__type</c> with
/// INTROSPECTION_DISABLED, as Constructive's server does when introspection is off. The export cannot find the API's
/// names without it yet, so it stops with its own error id saying so and what to do, instead of a generic GraphQL
/// error, and writes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public class IntrospectionOffTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    [InlineData(GraphQLDialect.PostGraphileV4)]
    public async Task Refused_introspection_is_a_named_stop_that_says_what_to_do(GraphQLDialect dialect)
    {
        var database = await postgres.NewSampleDatabaseAsync("nointro");
        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect, introspectionDisabled: true);
        using var output = new TempDirectory();

        var error = await Assert.ThrowsAsync<ExportException>(() =>
            GraphQLExport.RunAsync(server.Endpoint, output.Path, ExportManifest.BuiltIn, databaseId: SampleDatabase.SampleId));

        Assert.Equal(GraphQLClient.IntrospectionDisabled, error.ErrorId);
        Assert.Equal(ExportErrorKind.Unavailable, error.Kind);
        Assert.Contains(server.Endpoint.ToString(), error.Message);
        Assert.Contains("INTROSPECTION_DISABLED", error.Message);
        Assert.Contains("export over SQL", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }
}
