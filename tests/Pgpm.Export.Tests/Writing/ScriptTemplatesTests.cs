using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class ScriptTemplatesTests
{
    [Fact]
    public void Deploy_has_requires_sorted_by_length_then_ordinal()
    {
        var text = ScriptTemplates.Deploy("x/y", ["bbb/c", "a", "aaa/c", "pkg:z"], "SELECT 1;");
        Assert.Equal(
            "-- Deploy: x/y\n-- made with <3 @ constructive.io\n\n"
                + "-- requires: a\n-- requires: aaa/c\n-- requires: bbb/c\n-- requires: pkg:z\n\n\nSELECT 1;\n\n",
            text
        );
    }

    [Fact]
    public void Deploy_without_dependencies_or_body()
    {
        Assert.Equal("-- Deploy: x\n-- made with <3 @ constructive.io\n\n\n\n\n\n\n", ScriptTemplates.Deploy("x", [], null));
    }

    [Fact]
    public void Revert_and_verify_wrap_the_body_in_blank_lines()
    {
        Assert.Equal("-- Revert: x/y\n\n\nDROP TABLE t;\n\n\n", ScriptTemplates.Revert("x/y", "DROP TABLE t;"));
        Assert.Equal("-- Verify: x/y\n\n\n\n\n\n", ScriptTemplates.Verify("x/y", null));
    }
}
