using Pgpm.Export.Manifest;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>The built-in 0.15.5 manifest is what the real 0.15.5 schema (installed by CREATE EXTENSION) derives.</summary>
[Collection(CombinedSchemaCollection.Name)]
public class CombinedSchemaTests(CombinedSchemaFixture postgres)
{
    [Fact]
    public async Task Built_in_0_15_5_manifest_is_what_the_real_0_15_5_schema_derives()
    {
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(CombinedSchemaFixture.Template));
        var derived = await source.DeriveManifestAsync(CancellationToken.None);
        Assert.Equal(ConstructiveSchema.CombinedVersion, derived.Version);
        ManifestFiles.AssertBuiltIn(derived);
        Assert.Equal(52, derived.Tables.Count);
        Assert.DoesNotContain(derived.Tables, t => t.Table.Name is "table_module" or "table_template_module");
    }
}
