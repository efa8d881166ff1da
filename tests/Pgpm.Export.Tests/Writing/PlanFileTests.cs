using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class PlanFileTests
{
    [Fact]
    public void Plan_matches_the_spec_layout_with_dependencies_in_plan_order_then_external()
    {
        var changes = new List<PlanChange>
        {
            new("schemas/a/schema", [], "schemas/a/schema"),
            new("schemas/b/schema", [], "add b"),
            new("schemas/a/tables/t/table", ["pkg:x/y", "schemas/b/schema", "other:z", "schemas/a/schema"], "line\r\nbreak\nnote"),
        };
        var text = PlanFile.Render("acme", changes, PlanAuthor.Parse("Jane Doe <jane@example.com>"));
        Assert.Equal(
            "%syntax-version=1.0.0\n%project=acme\n%uri=acme\n\n"
                + "schemas/a/schema 2017-08-11T08:11:51Z Jane Doe <jane@example.com> # add schemas/a/schema\n"
                + "schemas/b/schema 2017-08-11T08:11:51Z Jane Doe <jane@example.com> # add add b\n"
                + "schemas/a/tables/t/table [schemas/a/schema schemas/b/schema pkg:x/y other:z] "
                + "2017-08-11T08:11:51Z Jane Doe <jane@example.com> # add line break note\n",
            text
        );
    }

    [Theory]
    [InlineData("Jane Doe <jane@example.com>", "Jane Doe", "jane@example.com")]
    [InlineData("skitch", "skitch", "skitch@5b0c196eeb62")]
    [InlineData(null, "constructive", "constructive@5b0c196eeb62")]
    [InlineData("  Bob  <>", "Bob", "Bob@5b0c196eeb62")]
    [InlineData("no email", "no email", "no.email@5b0c196eeb62")]
    [InlineData("Jane  Q Doe <>", "Jane  Q Doe", "Jane.Q.Doe@5b0c196eeb62")]
    public void Author_without_email_gets_the_upstream_host_suffix(string? text, string name, string email)
    {
        var author = PlanAuthor.Parse(text);
        Assert.Equal(name, author.Name);
        Assert.Equal(email, author.Email);
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("Jane <jane@x")]
    [InlineData("Jane <jane doe@example.com>")]
    [InlineData("Jane <<jane@example.com>")]
    public void Malformed_author_is_refused(string text) => Assert.Throws<ArgumentException>(() => PlanAuthor.Parse(text));
}
