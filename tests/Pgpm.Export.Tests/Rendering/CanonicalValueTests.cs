using Pgpm.Export.Model;
using Pgpm.Export.Values;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class CanonicalValueTests
{
    [Theory]
    [InlineData("2024-02-29 18:29:59+00", "2024-02-29T18:29:59.000Z")]
    [InlineData("2024-02-29 18:29:59.5+00", "2024-02-29T18:29:59.500Z")]
    [InlineData("2024-02-29 18:29:59.123+00", "2024-02-29T18:29:59.123Z")]
    [InlineData("2024-02-29 18:29:59.1234+00", "2024-02-29T18:29:59.123400Z")]
    [InlineData("2024-02-29 18:29:59.123456+00", "2024-02-29T18:29:59.123456Z")]
    [InlineData("infinity", "infinity")]
    [InlineData("-infinity", "-infinity")]
    [InlineData("0044-03-15 12:00:00+00 BC", "0044-03-15T12:00:00.000Z BC")]
    [InlineData("10000-01-01 00:00:00+00", "10000-01-01T00:00:00.000Z")]
    public void Timestamptz_is_utc_iso_with_milliseconds_or_microseconds(string postgres, string expected) =>
        Assert.Equal(expected, CanonicalValue.FromPostgresText(PgTypeKind.Timestamptz, postgres).Text);

    [Fact]
    public void Timestamptz_not_in_utc_is_refused_rather_than_mislabelled() =>
        Assert.Throws<FormatException>(() => CanonicalValue.FromPostgresText(PgTypeKind.Timestamptz, "2024-02-29 18:29:59-05"));

    [Theory]
    [InlineData("2024-02-29 12:34:56.7", "2024-02-29T12:34:56.700")]
    [InlineData("2024-01-01 00:00:00", "2024-01-01T00:00:00.000")]
    public void Timestamp_is_iso_without_zone(string postgres, string expected) =>
        Assert.Equal(expected, CanonicalValue.FromPostgresText(PgTypeKind.Timestamp, postgres).Text);

    [Fact]
    public void A_point_in_time_from_any_offset_becomes_utc()
    {
        Assert.Equal("2024-02-29T18:29:59.123456Z", TimestampText.FromDateTimeOffset(DateTimeOffset.Parse("2024-02-29T23:59:59.123456+05:30")));
        Assert.Equal("2024-02-29T18:29:59.000Z", TimestampText.FromDateTimeOffset(DateTimeOffset.Parse("2024-02-29T13:29:59-05:00")));
    }

    [Theory]
    [InlineData("{\"a\": [1, 2.50, null, false, 0, \"\"], \"z\": {\"q\": \"s p a c e \\\" \\\\\"}}", "{\"a\":[1,2.50,null,false,0,\"\"],\"z\":{\"q\":\"s p a c e \\\" \\\\\"}}")]
    [InlineData("4.0", "4.0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("null", "null")]
    public void Jsonb_is_compacted_without_touching_strings_numbers_or_key_order(string postgres, string expected) =>
        Assert.Equal(expected, CanonicalValue.FromPostgresText(PgTypeKind.Jsonb, postgres).Text);

    [Fact]
    public void Json_keeps_its_exact_text()
    {
        const string text = "{\"b\" :  1, \"a\":[1 ,2], \"b\": 2}";
        Assert.Equal(text, CanonicalValue.FromPostgresText(PgTypeKind.Json, text).Text);
    }

    [Fact]
    public void Null_stays_null_for_every_kind()
    {
        foreach (var kind in Enum.GetValues<PgTypeKind>())
            Assert.True(CanonicalValue.FromPostgresText(kind, null).IsNull);
    }
}
