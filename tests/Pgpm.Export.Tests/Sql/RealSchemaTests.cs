using Pgpm.Export.Manifest;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>The embedded facts (manifest, keyword list) agree with the real schema and the real server.</summary>
[Collection(PostgresCollection.Name)]
public class RealSchemaTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Built_in_manifest_is_what_the_real_schema_derives()
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(PostgresFixture.Template));
        var derived = await source.DeriveManifestAsync(CancellationToken.None, version: "0.16");
        // The template also holds the tests' own extra table, which the shipped manifest must not know.
        var real = new ExportManifest(derived.Tables.Where(t => t.Table.Name != "export_value_fixture").ToList(), derived.Version);
        ManifestFiles.AssertBuiltIn(real);
        Assert.Same(ExportManifest.BuiltIn, ExportManifest.BuiltInVersions.Single(m => m.Version == "0.16"));
        Assert.Equal(54, real.Tables.Count);
        foreach (
            var name in new[] { "tokens_module", "limit_function", "procedure", "api_extensions", "database_extension", "table_module" }
        )
            Assert.Contains(real.Tables, t => t.Table.Name == name);
    }

    [Fact]
    public async Task Every_foreign_key_points_backwards_in_the_manifest()
    {
        var position = ExportManifest.BuiltIn.Tables.Select((t, i) => (t.Table.ToString(), i)).ToDictionary(p => p.Item1, p => p.i);
        var edges = await postgres.Server.QueryTextAsync(
            PostgresFixture.Template,
            """
            SELECT sn.nspname || '.' || sc.relname || ' ' || tn.nspname || '.' || tc.relname
            FROM pg_constraint k
            JOIN pg_class sc ON sc.oid = k.conrelid JOIN pg_namespace sn ON sn.oid = sc.relnamespace
            JOIN pg_class tc ON tc.oid = k.confrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
            WHERE k.contype = 'f' AND sn.nspname IN ('metaschema_public', 'services_public', 'metaschema_modules_public')
            """
        );
        var checkedEdges = 0;
        foreach (var line in edges.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (from, to) = (line.Split(' ')[0], line.Split(' ')[1]);
            if (from == to || !position.ContainsKey(from) || !position.ContainsKey(to))
                continue;
            Assert.True(position[to] < position[from], $"{from} references {to}, which comes after it in the manifest");
            checkedEdges++;
        }
        Assert.True(checkedEdges > 20, $"only {checkedEdges} foreign keys were checked");
    }

    [Fact]
    public async Task Keyword_list_is_postgresql_15s()
    {
        var live = await postgres.Server.QueryTextAsync(
            "postgres",
            "SELECT word || ' ' || catcode::text FROM pg_get_keywords() ORDER BY word"
        );
        var embedded = PgKeywords.All.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}");
        Assert.Equal(live.Split('\n', StringSplitOptions.RemoveEmptyEntries), embedded);
    }
}
