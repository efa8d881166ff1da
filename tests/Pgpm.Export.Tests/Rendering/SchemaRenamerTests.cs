using Pgpm.Export.Errors;
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

    private static SchemaRenamer Acme() =>
        SchemaRenamer.For(
            "acme-crm",
            [
                new SchemaInfo(Guid.NewGuid(), Guid.Empty, "public", "acme_crm_1a2b_public"),
                new SchemaInfo(Guid.NewGuid(), Guid.Empty, "private", "acme_crm_1a2b_public_private"),
            ]
        );

    [Theory]
    [InlineData("CREATE SCHEMA acme_crm_1a2b_public;", "CREATE SCHEMA acme_crm_public;")]
    [InlineData("acme_crm_1a2b_public_private.t", "acme_crm_private.t")] // the longer name wins
    [InlineData("xacme_crm_1a2b_public", "xacme_crm_1a2b_public")] // not a whole identifier
    [InlineData("acme_crm_1a2b_public$x acme_crm_1a2b_public1", "acme_crm_1a2b_public$x acme_crm_1a2b_public1")]
    [InlineData("\"acme_crm_1a2b_public\".\"t\"", "\"acme_crm_public\".\"t\"")]
    [InlineData("schemas/acme_crm_1a2b_public/tables/x", "schemas/acme_crm_public/tables/x")]
    [InlineData("$acme_crm_1a2b_public", "$acme_crm_1a2b_public")] // '$' continues an identifier on either side
    // so does any letter beyond ASCII
    [InlineData("acme_crm_1a2b_publicé éacme_crm_1a2b_public", "acme_crm_1a2b_publicé éacme_crm_1a2b_public")]
    // PostgreSQL: every byte >= 0x80
    [InlineData("acme_crm_1a2b_public🙂 acme_crm_1a2b_publicΩ", "acme_crm_1a2b_public🙂 acme_crm_1a2b_publicΩ")]
    [InlineData("é acme_crm_1a2b_public é", "é acme_crm_public é")] // a non-ASCII neighbour that is not adjacent does not matter
    [InlineData("(acme_crm_1a2b_public)-acme_crm_1a2b_public", "(acme_crm_public)-acme_crm_public")]
    public void Only_whole_identifiers_are_replaced(string text, string expected) => Assert.Equal(expected, Acme().Apply(text));

    [Fact]
    public void A_schema_name_followed_by_a_non_ASCII_letter_is_part_of_another_identifier()
    {
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["zz_app"] = "acme_app" });
        Assert.Equal("CREATE SCHEMA acme_app; CREATE SCHEMA zz_appé;", renamer.Apply("CREATE SCHEMA zz_app; CREATE SCHEMA zz_appé;"));
    }

    [Fact]
    public void The_package_placeholder_becomes_the_name_of_the_package_being_written_in_the_same_pass()
    {
        var renamer = Acme().ForPackage("acme-crm");
        Assert.Equal(
            "SELECT 'acme-crm' AS package; -- acme-crm/acme_crm_public",
            renamer.Apply("SELECT 'constructive-extension-name' AS package; -- constructive-extension-name/acme_crm_1a2b_public")
        );
        Assert.Equal("acme-crm-service", Acme().ForPackage("acme-crm-service").Apply("constructive-extension-name"));
        // The replacement is not read again, even when the package name is itself a renamed schema's name.
        Assert.Equal("acme_crm_1a2b_public", Acme().ForPackage("acme_crm_1a2b_public").Apply("constructive-extension-name"));
    }

    [Fact]
    public void Without_a_package_name_the_placeholder_is_left_alone() =>
        Assert.Equal("constructive-extension-name", Acme().Apply("constructive-extension-name"));

    [Fact]
    public void A_new_name_over_63_bytes_is_refused_naming_the_schema_the_new_name_its_length_and_the_option()
    {
        var schemas = new[]
        {
            new SchemaInfo(Guid.NewGuid(), Guid.Empty, "reporting_analytics_private", "zz_reporting_analytics_private"),
            new SchemaInfo(Guid.NewGuid(), Guid.Empty, "reporting_analytics_public", "zz_reporting_analytics_public"),
        };
        var error = Assert.Throws<ExportException>(() => SchemaRenamer.For("acme-customer-relationship-management-suite", schemas));
        Assert.Equal(ExportErrorKind.InvalidData, error.Kind);
        Assert.Equal("SchemaNameTooLong", error.ErrorId);
        Assert.Contains("zz_reporting_analytics_private", error.Message);
        Assert.Contains("acme_customer_relationship_management_suite_reporting_analytics_private", error.Message);
        Assert.Contains("71 bytes", error.Message);
        Assert.Contains("63", error.Message);
        Assert.Contains("--extension-name", Pgpm.Export.Errors.OptionName.Render(error.Message, Pgpm.Export.Errors.Vocabulary.CommandLine));

        // 63 bytes exactly is allowed: that is what PostgreSQL keeps.
        var name = new string('s', 63 - "acme_".Length);
        Assert.Equal("acme_" + name, SchemaRenamer.For("acme", [new SchemaInfo(Guid.NewGuid(), Guid.Empty, name, "zz")]).Map["zz"]);
    }

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
        Assert.Equal(
            "CREATE SCHEMA \"x_a_b_c\"; SELECT 'x_a_b_c'; x_a_b_c",
            renamer.Apply("CREATE SCHEMA \"a'b\"\"c\"; SELECT 'a''b\"c'; a'b\"c")
        );
    }

    [Fact]
    public void Two_schemas_that_would_get_one_new_name_are_refused_naming_both()
    {
        var error = Assert.Throws<ExportException>(() =>
            SchemaRenamer.For(
                "acme",
                [
                    new SchemaInfo(Guid.NewGuid(), Guid.Empty, "app-data", "zz_app_data_1"),
                    new SchemaInfo(Guid.NewGuid(), Guid.Empty, "App_Data", "zz_app_data_2"),
                ]
            )
        );
        Assert.Equal("SchemaNamesCollide", error.ErrorId);
        Assert.Contains("zz_app_data_1", error.Message);
        Assert.Contains("zz_app_data_2", error.Message);
        Assert.Contains("acme_app_data", error.Message);
    }
}
