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
        Assert.Equal(
            "2024-02-29T18:29:59.123456Z",
            TimestampText.FromDateTimeOffset(DateTimeOffset.Parse("2024-02-29T23:59:59.123456+05:30"))
        );
        Assert.Equal("2024-02-29T18:29:59.000Z", TimestampText.FromDateTimeOffset(DateTimeOffset.Parse("2024-02-29T13:29:59-05:00")));
    }

    [Theory]
    [InlineData(
        "{\"a\": [1, 2.50, null, false, 0, \"\"], \"z\": {\"q\": \"s p a c e \\\" \\\\\"}}",
        "{\"a\":[1,2.50,null,false,0,\"\"],\"z\":{\"q\":\"s p a c e \\\" \\\\\"}}"
    )]
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

public class GraphQLTextFormTests
{
    [Theory]
    [InlineData("9007199254740992", "9.007199254740992e+15")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("1e+308", "1e+308")]
    [InlineData("1.5e+300", "1.5e+300")]
    [InlineData("-1e-300", "-1e-300")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("1.5e-5", "1.5e-05")]
    [InlineData("0.1", "0.1")]
    [InlineData("-2", "-2")]
    [InlineData("3.14159", "3.14159")]
    [InlineData("0", "0")]
    [InlineData("100000000000000", "100000000000000")]
    [InlineData("1000000000000000", "1e+15")]
    public void Floats_are_laid_out_as_postgresql_float8_prints_them(string json, string expected) =>
        Assert.Equal(expected, FloatText.FromJsonNumber(json));

    [Theory]
    [InlineData(1, 2, -3, 4, 5, 6.789, "1 year 2 mons -3 days +04:05:06.789")]
    [InlineData(0, 0, 0, 0, 0, -1.5, "-00:00:01.5")]
    [InlineData(-1, -2, 3, -4, -5, -6, "-1 years -2 mons +3 days -04:05:06")]
    [InlineData(0, 0, 3, 0, 0, 0, "3 days")]
    [InlineData(0, 0, 0, 0, 0, 0, "00:00:00")]
    [InlineData(0, 1, 0, 0, 0, 0.000001, "1 mon 00:00:00.000001")]
    [InlineData(2, 0, 1, 0, 0, 0, "2 years 1 day")]
    public void Intervals_are_laid_out_as_postgresql_prints_them(long y, long mo, long d, long h, long mi, double s, string expected) =>
        Assert.Equal(expected, IntervalText.Format(y, mo, d, h, mi, s));

    [Theory]
    [InlineData(
        new[] { "a", "b c", null, "", "NULL", "x,y", "{z}", "q\"t", "b\\s" },
        "{a,\"b c\",NULL,\"\",\"NULL\",\"x,y\",\"{z}\",\"q\\\"t\",\"b\\\\s\"}"
    )]
    [InlineData(new string?[0], "{}")]
    public void Arrays_are_quoted_as_array_out_quotes_them(string?[] elements, string expected) =>
        Assert.Equal(expected, ArrayLiteral.Format(elements));

    [Fact]
    public void Json_text_escapes_like_postgresql_and_keeps_order_and_digits()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("{\"z\":1.50,\"a\":[\"é 😀\\n\\u0001\",null,true],\"q\":\"\\\"\\\\\"}");
        Assert.Equal("{\"z\":1.50,\"a\":[\"é 😀\\n\\u0001\",null,true],\"q\":\"\\\"\\\\\"}", JsonText.Compact(node));
    }
}
