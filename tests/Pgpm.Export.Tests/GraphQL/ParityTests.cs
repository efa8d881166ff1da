using System.Text;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>The GraphQL export of a real PostGraphile v5 server is byte-identical to the SQL export, in both naming dialects.</summary>
[Collection(PostgresCollection.Name)]
public class ParityTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(GraphQLDialect.Default)]
    [InlineData(GraphQLDialect.Constructive)]
    public async Task GraphQL_export_is_byte_identical_to_the_SQL_export(GraphQLDialect dialect)
    {
        var database = await postgres.NewDatabaseAsync("parity");
        await postgres.Server.RunFileAsync(database, FixtureFiles.Path("parity_data.sql"));
        var manifest = WithoutMixedCaseColumn(await GraphQLExport.DerivedManifestAsync(postgres, database));
        using var sql = new TempDirectory();
        using var graphql = new TempDirectory();
        await SqlExport.RunAsync(postgres, database, sql.Path, adjust: o => new() { OutputPath = o.OutputPath, DatabaseId = o.DatabaseId, Author = o.Author, Manifest = manifest });

        await using var server = await GraphQLExport.StartAsync(postgres, database, dialect);
        var log = new RecordingLog();
        var result = await GraphQLExport.RunAsync(server.Endpoint, graphql.Path, manifest, log, pageSize: 2);
        Assert.Equal(2, result.Packages.Count);

        var expected = TempDirectory.Snapshot(sql.Path);
        var actual = TempDirectory.Snapshot(graphql.Path);
        Assert.True(expected.Count > 30, $"the SQL export has only {expected.Count} files");
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs. {FirstDifference(bytes, actual[path])}");
    }

    /// <summary>
    /// A column spelled with capitals cannot be named back from its camelCase field, so the parity manifest
    /// leaves the fixture's "MixedCase" column out (under both spellings the two sources see).
    /// </summary>
    private static ExportManifest WithoutMixedCaseColumn(ExportManifest manifest) => new(manifest.Tables
        .Select(t => t.Table.Name == "export_value_fixture" ? t with { DropColumns = [.. t.DropColumns, "MixedCase", "mixed_case"] } : t)
        .ToList());

    /// <summary>The first line that differs, from both sides, so a failure shows the value at fault.</summary>
    internal static string FirstDifference(byte[] expected, byte[] actual)
    {
        var a = Encoding.UTF8.GetString(expected).Split('\n');
        var b = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right) return $"Line {i + 1}:\n  SQL:     {left}\n  GraphQL: {right}";
        }
        return "Same text, different bytes.";
    }
}
