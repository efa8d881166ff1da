using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class ChangeNameTests
{
    [Theory]
    [InlineData("schemas/public/tables/users/table")]
    [InlineData("migrate/field")]
    [InlineData("procedures/v1.2-helper_fn")]
    [InlineData("a")]
    public void Relative_paths_of_safe_segments_are_accepted(string name) => Assert.Null(ChangeName.Problem(name));

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../b")]
    [InlineData("a/./b")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("a\nb 2017-08-11T08:11:51Z x <x@y> # injected")]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("a//b")]
    [InlineData("trailing/")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("émoji")]
    public void Hostile_names_are_refused(string? name) => Assert.NotNull(ChangeName.Problem(name));

    [Theory]
    [InlineData("-leading-dash")]
    [InlineData("trailing-dash-")]
    [InlineData(".hidden/x")]
    [InlineData("x/y.")]
    [InlineData("migrations/001")] // pgpm reads '/001' at the end as a relative reference
    public void Names_pgpms_plan_parser_refuses_are_refused(string name)
    {
        var problem = ChangeName.Problem(name);
        Assert.NotNull(problem);
        Assert.Contains("pgpm", problem);
    }
}
