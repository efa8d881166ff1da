using System.Text.Json.Nodes;
using Pgpm.Export.Values;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

/// <summary>The text builders that turn what a GraphQL server sends back into PostgreSQL's own output text.</summary>
public class GraphQLValueTextTests
{
    [Theory]
    [InlineData("2024-02-29T13:29:59.123456-05:00", "2024-02-29 18:29:59.123456+00")]
    [InlineData("2024-12-31T23:30:00-01:00", "2025-01-01 00:30:00+00")]
    [InlineData("12345-06-07T04:09:10.500000-04:00", "12345-06-07 08:09:10.5+00")]
    [InlineData("294276-12-31T23:59:59.999999Z", "294276-12-31 23:59:59.999999+00")]
    [InlineData("0044-03-15T07:03:58-04:56:02 BC", "0044-03-15 12:00:00+00 BC")]
    [InlineData("0001-01-01T00:30:00+01:00", "0001-12-31 23:30:00+00 BC")]
    [InlineData("4713-11-24T00:00:00Z BC", "4713-11-24 00:00:00+00 BC")]
    [InlineData("2024-01-01T10:00:00.500000", "2024-01-01 10:00:00.5")]
    [InlineData("0044-03-15T12:00:00 BC", "0044-03-15 12:00:00 BC")]
    [InlineData("infinity", "infinity")]
    public void A_server_timestamp_becomes_PostgreSQL_text_in_UTC(string server, string postgres) =>
        Assert.Equal(postgres, IsoTimestamp.ToPostgres(server).Text);

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2024-02-29T25:00")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-29T24:30:00Z")]
    [InlineData("2024-02-29T10:00:00.1234567Z")]
    public void Text_that_is_no_timestamp_is_refused(string server) =>
        Assert.Throws<FormatException>(() => IsoTimestamp.ToPostgres(server));

    [Fact]
    public void Hstore_pairs_come_in_hstores_order_and_quoting()
    {
        var value = JsonNode.Parse("""{"b c": null, "a": "1", "10": "x", "9": "y", "ü": "€", "q\"uote": "back\\slash", "": ""}""")!;
        Assert.Equal(
            "\"\"=>\"\", \"9\"=>\"y\", \"a\"=>\"1\", \"10\"=>\"x\", \"ü\"=>\"€\", \"b c\"=>NULL, \"q\\\"uote\"=>\"back\\\\slash\"",
            HstoreText.Format(value)
        );
        Assert.Equal("", HstoreText.Format(new JsonObject()));
    }

    [Theory]
    [InlineData("1", true, "10", false, "[1,10)")]
    [InlineData(null, false, "5", true, "(,5]")]
    [InlineData("2024-01-01 05:00:00+00", true, null, false, "[\"2024-01-01 05:00:00+00\",)")]
    [InlineData("a\"b\\c", true, "", false, "[\"a\"\"b\\\\c\",\"\")")]
    public void Ranges_are_written_as_range_out_writes_them(
        string? lower,
        bool lowerInclusive,
        string? upper,
        bool upperInclusive,
        string expected
    ) => Assert.Equal(expected, RangeText.Format(lower, lowerInclusive, upper, upperInclusive));

    [Theory]
    [InlineData("""{"a": 1, "10": [1, "two"], "9": {}}""", """{"9": {}, "a": 1, "10": [1, "two"]}""")]
    [InlineData("""[true, "q\"uote", null]""", """[true, "q\"uote", null]""")]
    public void Jsonb_is_written_as_jsonb_out_writes_it(string json, string expected) =>
        Assert.Equal(expected, JsonText.Jsonb(JsonNode.Parse(json)));

    [Fact]
    public void Compact_json_keeps_the_sent_order_unless_a_key_looks_like_an_integer()
    {
        Assert.Equal("""{"b":1,"a":2}""", JsonText.Compact(JsonNode.Parse("""{"b": 1, "a": 2}""")));
        Assert.Equal("""{"9":4,"a":2,"b":1,"10":3}""", JsonText.Compact(JsonNode.Parse("""{"9": 4, "10": 3, "b": 1, "a": 2}""")));
    }
}
