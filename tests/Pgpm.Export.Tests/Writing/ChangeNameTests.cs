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
    [InlineData("metaschema-schema:schemas/metaschema_public/schema", true)]
    [InlineData("schemas/a/schema", true)]
    [InlineData("../x:y", false)]
    [InlineData("pkg:../y", false)]
    [InlineData("pkg:a b", false)]
    public void Dependencies_may_name_another_package(string dependency, bool valid) =>
        Assert.Equal(valid, ChangeName.DependencyProblem(dependency) is null);
}
