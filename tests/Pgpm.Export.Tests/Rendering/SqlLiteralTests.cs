using Pgpm.Export.Rendering;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class SqlLiteralTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("back\\slash", "E'back\\\\slash'")]
    [InlineData("it's \\ both", "E'it''s \\\\ both'")]
    [InlineData("", "''")]
    [InlineData("NULL", "'NULL'")]
    [InlineData("line\nbreak\ttab", "'line\nbreak\ttab'")]
    [InlineData("emoji 😀 漢字 שלום", "'emoji 😀 漢字 שלום'")]
    public void Strings_are_quoted_with_quotes_doubled_and_backslashes_in_E_strings(string value, string expected) =>
        Assert.Equal(expected, SqlLiteral.Quote(value));
}
