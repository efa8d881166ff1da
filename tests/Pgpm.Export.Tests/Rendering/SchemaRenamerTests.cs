using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class SchemaRenamerTests
{
    [Theory]
    [InlineData("acme-crm", "reports_v2", "acme_crm_reports_v_2")]
    [InlineData("acme-crm", "public", "acme_crm_public")]
    [InlineData("My App", "Auth--Private", "my_app_auth_private")]
    [InlineData("app2", "v10x", "app_2_v_10x")]
    public void New_schema_names_are_snake_case_of_prefix_and_name(string prefix, string name, string expected) =>
        Assert.Equal(expected, SnakeCase.Convert(prefix + "_" + name));

    private static SchemaRenamer Acme() => SchemaRenamer.For("acme-crm",
    [
        new SchemaInfo(Guid.NewGuid(), Guid.Empty, "public", "acme_crm_1a2b_public"),
        new SchemaInfo(Guid.NewGuid(), Guid.Empty, "private", "acme_crm_1a2b_public_private"),
    ]);

    [Theory]
    [InlineData("CREATE SCHEMA acme_crm_1a2b_public;", "CREATE SCHEMA acme_crm_public;")]
    [InlineData("acme_crm_1a2b_public_private.t", "acme_crm_private.t")]          // the longer name wins
    [InlineData("xacme_crm_1a2b_public", "xacme_crm_1a2b_public")]                // not a whole identifier
    [InlineData("acme_crm_1a2b_public$x acme_crm_1a2b_public1", "acme_crm_1a2b_public$x acme_crm_1a2b_public1")]
    [InlineData("\"acme_crm_1a2b_public\".\"t\"", "\"acme_crm_public\".\"t\"")]
    [InlineData("schemas/acme_crm_1a2b_public/tables/x", "schemas/acme_crm_public/tables/x")]
    public void Only_whole_identifiers_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Acme().Apply(text));

    [Fact]
    public void Replacement_happens_once_so_a_new_name_is_never_renamed_again()
    {
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["a"] = "b", ["b"] = "c" });
        Assert.Equal("b c", renamer.Apply("a b"));
    }

    [Fact]
    public void Names_with_regex_metacharacters_and_dollar_replacements_are_literal()
    {
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["we.ird+(x)"] = "$&new$1" });
        Assert.Equal(" $&new$1 weXird+(x)", renamer.Apply(" we.ird+(x) weXird+(x)"));
    }

    [Fact]
    public void A_name_with_quotes_is_found_as_a_quoted_identifier_and_as_a_string_literal_spell_it()
    {
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["a'b\"c"] = "x_a_b_c" });
        Assert.Equal("CREATE SCHEMA \"x_a_b_c\"; SELECT 'x_a_b_c'; x_a_b_c", renamer.Apply("CREATE SCHEMA \"a'b\"\"c\"; SELECT 'a''b\"c'; a'b\"c"));
    }
}
