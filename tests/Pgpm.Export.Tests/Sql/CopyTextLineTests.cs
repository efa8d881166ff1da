using Pgpm.Export.Sources.Sql;
using Xunit;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// The SQL source reads rows with COPY's text format (issue 15), whose escaping differs from a value's text: each
/// escape COPY TO writes decodes to its character, \N alone is NULL, and anything else is refused, not guessed at.
/// The round trip of every value through a real server is in <see cref="RoundTripTests"/> and the type parity tests.
/// </summary>
public class CopyTextLineTests
{
    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"", "")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"line\nbreak", "line\nbreak")]
    [InlineData(@"\r\n\t\b\f\v", "\r\n\t\b\f\v")]
    [InlineData(@"\\N", @"\N")]
    [InlineData(@"\\\\", @"\\")]
    [InlineData(@"ends with \\", @"ends with \")]
    [InlineData("ünïcødé 🐘", "ünïcødé 🐘")]
    public void Each_escape_COPY_writes_decodes_to_its_character(string field, string expected)
    {
        var fields = new string?[1];
        CopyTextLine.Decode(field, fields);
        Assert.Equal(expected, fields[0]);
    }

    [Fact]
    public void Fields_split_at_tabs_and_a_lone_backslash_N_is_null()
    {
        var fields = new string?[4];
        CopyTextLine.Decode("a\t\\N\t\tx\\ty", fields);
        Assert.Equal(new[] { "a", null, "", "x\ty" }, fields);
    }

    [Theory]
    [InlineData("a\tb", 1)]
    [InlineData("a", 2)]
    [InlineData("a\tb\tc", 2)]
    public void A_row_with_another_number_of_fields_is_refused(string line, int expected) =>
        Assert.Throws<FormatException>(() => CopyTextLine.Decode(line, new string?[expected]));

    [Theory]
    [InlineData(@"\x41")]
    [InlineData(@"\101")]
    [InlineData(@"\q")]
    [InlineData(@"lone\")]
    public void An_escape_COPY_TO_does_not_write_is_refused(string field) =>
        Assert.Throws<FormatException>(() => CopyTextLine.Decode(field, new string?[1]));
}
