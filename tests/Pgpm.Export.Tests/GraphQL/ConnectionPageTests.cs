using System.Text;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Paging;
using Xunit;

namespace Pgpm.Export.Tests.GraphQL;

/// <summary>
/// A page read from its bytes (<see cref="ConnectionPage"/>) gives every value, and every refusal, that the
/// tree of the whole answer gave: for each shape a column can have, values of every JSON kind (escaped and unescaped
/// strings, lone surrogates, numbers in every notation, literals where they do not belong, objects and lists), fields
/// missing, repeated and out of order. Compared as values, as rendered INSERT text, and as errors.
/// </summary>
public class ConnectionPageTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["IN_REVIEW"] = "in review", ["DONE"] = "done" };

    private static readonly GraphQLColumn[] Columns =
    [
        new("t", "t", PgTypeKind.Text, GraphQLValueShape.Scalar, 0, null, "t"),
        new("u", "u", PgTypeKind.Uuid, GraphQLValueShape.Scalar, 0, null, "u"),
        new("i", "i", PgTypeKind.Integer, GraphQLValueShape.Scalar, 0, null, "i"),
        new("n", "n", PgTypeKind.Numeric, GraphQLValueShape.Scalar, 0, null, "n"),
        new("f", "f", PgTypeKind.Float, GraphQLValueShape.Scalar, 0, null, "f"),
        new("b", "b", PgTypeKind.Boolean, GraphQLValueShape.Scalar, 0, null, "b"),
        new("j", "j", PgTypeKind.Jsonb, GraphQLValueShape.Scalar, 0, null, "j"),
        new("jn", "jn", PgTypeKind.Jsonb, GraphQLValueShape.Scalar, 0, null, "jn", NonNull: true),
        new("ts", "ts", PgTypeKind.Timestamptz, GraphQLValueShape.Datetime, 0, null, "ts"),
        new("tm", "tm", PgTypeKind.Text, GraphQLValueShape.Time, 0, null, "tm"),
        new("by", "by", PgTypeKind.Bytea, GraphQLValueShape.Base64, 0, null, "by"),
        new("e", "e", PgTypeKind.Enum, GraphQLValueShape.Enum, 0, null, "e"),
        new("el", "el", PgTypeKind.Enum, GraphQLValueShape.Enum, 0, Labels, "el"),
        new("iv", "iv", PgTypeKind.Interval, GraphQLValueShape.Interval, 0, null, "iv { years months days hours minutes seconds }"),
        new("x", "x", PgTypeKind.Text, GraphQLValueShape.Unknown, 0, null, "x"),
        new("ta", "ta", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "ta", ValueKind: PgTypeKind.Text),
        new("ba", "ba", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "ba", ValueKind: PgTypeKind.Boolean),
        new("ia", "ia", PgTypeKind.Array, GraphQLValueShape.Scalar, 2, null, "ia", ValueKind: PgTypeKind.Integer),
        new("ua", "ua", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "ua", ValueKind: PgTypeKind.Uuid),
        new("fa", "fa", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "fa", ValueKind: PgTypeKind.Float),
        new("na", "na", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "na", ValueKind: PgTypeKind.Numeric),
        new("ja", "ja", PgTypeKind.Array, GraphQLValueShape.Scalar, 1, null, "ja", ValueKind: PgTypeKind.Jsonb),
        new("tsa", "tsa", PgTypeKind.Array, GraphQLValueShape.Datetime, 1, null, "tsa", ValueKind: PgTypeKind.Timestamptz),
    ];

    /// <summary>JSON values of every kind, each tried in every column.</summary>
    private static readonly string[] Values =
    [
        "null",
        "\"plain\"",
        "\"\"",
        "\"it's\"",
        "\"line\\nbreak\"",
        "\"back\\\\slash\"",
        "\"quote\\\"d\"",
        "\"\\u00e9t\\u00e9\"",
        "\"été ✓ 𝄞\"",
        "\"\\ud800\"",
        "\"\\/\"",
        "\"a2000000-0000-4000-8000-000000000001\"",
        "\"12345678901234567890\"",
        "\"NaN\"",
        "\"-0\"",
        "0",
        "-0",
        "42",
        "-17",
        "1.5",
        "1e21",
        "9007199254740992",
        "1.25E-7",
        "123456789012345678901234567890.000",
        "true",
        "false",
        "{}",
        "{\"a\":1,\"10\":[1,\"two\"]}",
        "[]",
        "[\"a\",null,\"b c\"]",
        "[true,false]",
        "[[1,2],[3,null]]",
        "\"2024-02-29T13:29:59.123456-05:00\"",
        "\"2024-01-01T10:00:00.500000\"",
        "\"infinity\"",
        "\"not a time\"",
        "\"12:00:00.500000\"",
        "\"AAEC/w==\"",
        "\"not base64!\"",
        "\"IN_REVIEW\"",
        "\"in review\"",
        "{\"years\":1,\"months\":2,\"days\":3,\"hours\":4,\"minutes\":5,\"seconds\":6.5}",
        "[\"a2000000-0000-4000-8000-000000000001\",null]",
        "[1.5,1e21,-0,9007199254740992]",
        "[\"x\\ny\",\"q\\\"\",\"\\\\\",\"\",\"NULL\",\"a,b\",\"{}\"]",
        "[\"\\ud800\"]",
        "[{\"a\":1}]",
        "[[\"a\"]]",
        "[\"2024-02-29T13:29:59-05:00\"]",
        "[true,\"true\",1]",
    ];

    [Fact]
    public void Every_value_and_every_refusal_is_the_trees()
    {
        foreach (var value in Values)
        {
            var node = "{" + string.Join(",", Columns.Select(c => $"\"{c.Field}\":{value}")) + "}";
            AssertSameAsTree(Page(node, node), Columns);
        }
    }

    [Fact]
    public void Fields_out_of_order_missing_repeated_or_unasked_are_read_as_the_tree_reads_them()
    {
        var columns = Columns.Take(6).ToList();
        var reordered = """{"b":true,"zz":{"deep":[1,2]},"i":7,"t":"x","f":2.5}""";
        AssertSameAsTree(Page(reordered, "{}", """{"t":"only t"}"""), columns);
        // One field asked for under two columns (a manifest naming it twice): both get its value.
        AssertSameAsTree(Page("""{"t":"twice","i":1}"""), [columns[0], columns[0] with { Column = "t2" }, columns[2]]);
    }

    [Fact]
    public void Nodes_that_are_not_objects_are_skipped_and_page_info_is_read()
    {
        var body = Body("""{"pageInfo":{"hasNextPage":true,"endCursor":"abc"},"nodes":[null,{"t":"a"},3,{"t":"b"}]}""");
        using var page = ConnectionPage.Read(body, "conn", new NodeFields([Columns[0]]))!;
        Assert.True(page.Found);
        Assert.Equal(2, page.Count);
        Assert.Equal("a", GraphQLValueReader.Read(Columns[0], page.Node(0)[0]).Text);
        Assert.Equal("b", GraphQLValueReader.Read(Columns[0], page.Node(1)[0]).Text);
        Assert.Equal("abc", page.PageInfo?["endCursor"]?.GetValue<string>());
        Assert.False(ConnectionPage.Read(Body("null"), "conn", new NodeFields([Columns[0]]))!.Found);
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"no"}],"data":{"conn":{"nodes":[]}}}""")]
    [InlineData("""{"data":{"conn":{"nodes":[]}},"errors":[{"message":"after the data"}]}""")]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"data":{"conn":{"nodes":[]}},"data":{"conn":{"nodes":[]}}}""")]
    [InlineData("""{"data":{"conn":{"nodes":[]}}} trailing""")]
    [InlineData("""{"data":{"conn":{"nodes":[{"t":"a"}""")]
    [InlineData("""[{"data":{}}]""")]
    [InlineData("""{"other":1}""")]
    public void An_answer_that_is_not_plainly_data_is_left_to_the_full_reading(string answer) =>
        Assert.Null(ConnectionPage.Read(Encoding.UTF8.GetBytes(answer), "conn", new NodeFields([Columns[0]])));

    [Theory]
    [InlineData("""{"data":{"conn":{"nodes":[{"t":"a"}]}},"errors":[]}""")]
    [InlineData("""{"errors":null,"extensions":{"x":[1]},"data":{"conn":{"nodes":[{"t":"a"}]}}}""")]
    public void Empty_errors_and_other_members_do_not_stop_the_page(string answer)
    {
        using var page = ConnectionPage.Read(Encoding.UTF8.GetBytes(answer), "conn", new NodeFields([Columns[0]]));
        Assert.Equal(1, page?.Count);
    }

    private static void AssertSameAsTree(byte[] body, IReadOnlyList<GraphQLColumn> columns)
    {
        using var page = ConnectionPage.Read(body, "conn", new NodeFields(columns))!;
        var tree = JsonNode.Parse(body)!["data"]!["conn"]!["nodes"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(tree.Count, page.Count);
        for (var row = 0; row < tree.Count; row++)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var expected = Outcome(() => TreeValueOracle.Normalize(column, tree[row][column.Field], Table));
                var token = page.Node(row)[i];
                var actual = Outcome(() => GraphQLValueReader.Read(column, token, Table));
                if (expected != actual)
                    Assert.Fail($"{column.Field} of node {row}: the tree gives {expected}, the bytes give {actual}");
            }
        }
    }

    private static readonly TableRef Table = new("metaschema_public", "schema");

    /// <summary>The value's kind, text and rendered SQL, or the error it stops with.</summary>
    private static string Outcome(Func<PgValue> normalize)
    {
        try
        {
            var value = normalize();
            var rendered = new Utf8Buffer();
            ValueRenderer.AppendUtf8(rendered, value);
            return $"{value.Kind} {value.Text ?? "NULL"} -> {Encoding.UTF8.GetString(rendered.WrittenSpan)}";
        }
        catch (ExportException e)
        {
            return $"{e.ErrorId}: {e.Message}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static byte[] Page(params string[] nodes) =>
        Body("""{"pageInfo":{"hasNextPage":false,"endCursor":null},"nodes":[""" + string.Join(",", nodes) + "]}");

    /// <summary>A whole answer with the connection under data, after another member, as a server may send it.</summary>
    private static byte[] Body(string connection) =>
        Encoding.UTF8.GetBytes("""{"extensions":{"conn":{}},"data":{"other":[1,{"conn":2}],"conn":""" + connection + "}}");
}
