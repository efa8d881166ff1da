using Pgpm.Export.Sandbox;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class PlanDependencyTests
{
    [Theory]
    [InlineData("schemas/a/schema", null, "schemas/a/schema", null)]
    [InlineData(
        "metaschema-schema:schemas/metaschema_public/tables/database/table",
        "metaschema-schema",
        "schemas/metaschema_public/tables/database/table",
        null
    )]
    [InlineData("pgpm-verify:@0.1.0", "pgpm-verify", null, "0.1.0")]
    [InlineData("pgpm-verify:procedures/verify_table@v1", "pgpm-verify", "procedures/verify_table", "v1")]
    [InlineData("change@tag", null, "change", "tag")]
    [InlineData("@tag", null, null, "tag")]
    [InlineData("héllo/wörld", null, "héllo/wörld", null)]
    public void Every_form_pgpms_parser_reads_is_read(string text, string? project, string? change, string? tag)
    {
        var parsed = PlanDependency.Parse(text, out var problem);
        Assert.Null(problem);
        Assert.Equal(new PlanDependency(project, change, tag), parsed);
        Assert.Equal(text, parsed!.ToString());
    }

    [Fact]
    public async Task Pgpms_own_parser_reads_every_accepted_form_back_unchanged()
    {
        string[] dependencies =
        [
            "schemas/a/schema",
            "metaschema-schema:schemas/x/table",
            "pgpm-verify:@0.1.0",
            "pgpm-verify:procedures/verify_table@v1",
            "héllo/wörld",
        ];
        Assert.All(dependencies, d => Assert.NotNull(PlanDependency.Parse(d, out _)));
        using var package = new TempDirectory();
        File.WriteAllText(package.Combine("probe.control"), "requires = ''\n");
        var author = new PlanAuthor("Test", "test@example.com");
        File.WriteAllText(package.Combine("pgpm.plan"), PlanFile.Render("probe", [new PlanChange("x", dependencies, "x")], author));
        var plan = await PgpmPlan.ReadAsync(package.Path);
        Assert.Equal(dependencies, plan.Changes.Single().Dependencies);
    }

    [Theory]
    [InlineData("", "blank")]
    [InlineData("a b", "whitespace")]
    [InlineData("a\nb", "line break")]
    [InlineData("a]", "']'")]
    [InlineData("[a", "'['")]
    [InlineData("a#b", "'#'")]
    [InlineData("a\\b", "backslash")]
    [InlineData("pkg.name:x", "project part")]
    [InlineData(":x", "project part")]
    [InlineData("pkg:", "change or a tag")]
    [InlineData("a:b:c", "change or a tag")]
    [InlineData("pkg:@v/1", "tag")]
    [InlineData("pkg:@", "tag")]
    [InlineData("x@", "tag")]
    [InlineData("HEAD", "symbolic")]
    [InlineData("pkg:@ROOT", "symbolic")]
    [InlineData("x^", "ends with")]
    [InlineData("x~2", "relative")]
    [InlineData("!conflict", "starts with")]
    public void What_would_break_the_line_or_that_pgpm_reads_otherwise_is_refused_saying_why(string text, string why)
    {
        Assert.Null(PlanDependency.Parse(text, out var problem));
        Assert.Contains(why, problem);
    }
}
