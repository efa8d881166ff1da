using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class ManifestTests
{
    [Fact]
    public void Built_in_manifest_starts_with_database_and_marks_field_on_conflict()
    {
        var manifest = ExportManifest.BuiltIn;
        Assert.Equal(new TableRef("metaschema_public", "database"), manifest.Tables[0].Table);
        Assert.True(manifest.Find(new TableRef("metaschema_public", "field"))!.OnConflictDoNothing);
        Assert.Equal(["dbname"], manifest.Find(new TableRef("services_public", "apis"))!.DropColumns);
        Assert.Equal(manifest.ToJson(), ExportManifest.Parse(manifest.ToJson(), "round trip").ToJson());
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("{\"tables\": 3}", "\"tables\" array")]
    [InlineData("{\"tables\": [{\"table\": \"nodot\"}]}", "entry 0")]
    [InlineData("{\"tables\": [{\"table\": \"a.b\"}, {\"table\": \"a.b\"}]}", "more than once")]
    [InlineData("{\"tables\": [{\"table\": \"a.b\", \"dropColumns\": [1]}]}", "dropColumns")]
    [InlineData(
        "{\"tables\": [{\"table\": \"a.b\", \"columns\": [{\"name\": \"c\", \"type\": \"text\", \"kind\": \"texty\"}]}]}",
        "\"kind\" 'texty'"
    )]
    [InlineData(
        "{\"tables\": [{\"table\": \"a.b\", \"columns\": [{\"name\": \"c\", \"type\": \"s.e\", \"kind\": \"enum\", \"enum\": \"s.e\"}]}]}",
        "the enum s.e is not in \"enums\""
    )]
    [InlineData(
        "{\"tables\": [{\"table\": \"a.b\", \"columns\": [{\"name\": \"c\", \"type\": \"text\", \"kind\": \"text\"}, "
            + "{\"name\": \"c\", \"type\": \"text\", \"kind\": \"text\"}]}]}",
        "column c more than once"
    )]
    public void Invalid_manifests_are_refused_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<ExportException>(() => ExportManifest.Parse(json, "the manifest file 'm.json'"));
        Assert.Equal("ManifestInvalid", error.ErrorId);
        Assert.Contains("m.json", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Built_in_versions_carry_columns_types_and_enum_labels()
    {
        Assert.Equal(["0.15.5", "0.16"], ExportManifest.BuiltInVersions.Select(m => m.Version));
        var v015 = ExportManifest.ForVersion("0.15.5");
        var category = v015.Find(new TableRef("metaschema_public", "field"))!.FindColumn("category")!;
        Assert.Equal(("metaschema_public.field_category", PgTypeKind.Enum), (category.EnumType, category.Kind));
        Assert.Equal(["core", "module", "app"], category.EnumLabels);
        Assert.Null(ExportManifest.BuiltIn.Find(new TableRef("metaschema_public", "policy"))!.FindColumn("template"));
        Assert.NotNull(v015.Find(new TableRef("metaschema_public", "policy"))!.FindColumn("template"));
        foreach (var manifest in ExportManifest.BuiltInVersions)
        {
            Assert.All(manifest.Tables, t => Assert.NotEmpty(t.Columns!));
            Assert.Equal(manifest.ToJson(), ExportManifest.Parse(manifest.ToJson(), "round trip").ToJson());
        }
        var error = Assert.Throws<ExportException>(() => ExportManifest.ForVersion("0.9"));
        Assert.Equal("SchemaVersionUnknown", error.ErrorId);
        Assert.Contains("0.15.5, 0.16", error.Message);
    }

    [Fact]
    public void Builder_orders_by_foreign_keys_then_schema_order_then_name()
    {
        var t = (string s, string n) => new TableRef(s, n);
        var facts = new[]
        {
            t("services_public", "apis"),
            t("metaschema_public", "zeta"),
            t("metaschema_public", "alpha"),
            t("metaschema_public", "database"),
        }
            .Select(x => new ManifestBuilder.TableFacts(x, []))
            .ToList();
        var manifest = ManifestBuilder.Build(
            facts,
            [
                (t("metaschema_public", "alpha"), t("services_public", "apis")),
                (t("services_public", "apis"), t("metaschema_public", "database")),
            ]
        );
        Assert.Equal(
            ["metaschema_public.database", "metaschema_public.zeta", "services_public.apis", "metaschema_public.alpha"],
            manifest.Tables.Select(x => x.Table.ToString())
        );
    }
}
