using Pgpm.Export.Rendering;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class SqlIdentifierTests
{
    [Theory]
    [InlineData("database_id", "database_id")]
    [InlineData("name", "name")] // unreserved keyword: bare
    [InlineData("type", "type")]
    [InlineData("current_role", "\"current_role\"")] // reserved
    [InlineData("order", "\"order\"")]
    [InlineData("user", "\"user\"")]
    [InlineData("position", "\"position\"")] // column-name keyword
    [InlineData("between", "\"between\"")] // type/function-name keyword
    [InlineData("MixedCase", "\"MixedCase\"")]
    [InlineData("1abc", "\"1abc\"")]
    [InlineData("a$b", "a$b")]
    [InlineData("we\"ird", "\"we\"\"ird\"")]
    [InlineData("with space", "\"with space\"")]
    public void Column_names_are_quoted_only_when_needed(string name, string expected) =>
        Assert.Equal(expected, SqlIdentifier.Column(name));

    [Theory]
    [InlineData("metaschema_public", "table", "metaschema_public.table")]
    [InlineData("metaschema_public", "index", "metaschema_public.index")]
    [InlineData("services_public", "apis", "services_public.apis")]
    [InlineData("user", "Weird", "\"user\".\"Weird\"")]
    public void The_table_part_after_the_dot_is_quoted_only_when_it_does_not_match_the_pattern(
        string schema,
        string table,
        string expected
    ) => Assert.Equal(expected, SqlIdentifier.Qualified(schema, table));
}
