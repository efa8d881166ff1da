using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class ValueRendererTests
{
    [Theory]
    [InlineData(PgTypeKind.Text, null, "NULL")]
    [InlineData(PgTypeKind.Array, null, "NULL")]
    [InlineData(PgTypeKind.Jsonb, null, "NULL")]
    [InlineData(PgTypeKind.Boolean, "true", "true")]
    [InlineData(PgTypeKind.Boolean, "false", "false")]
    [InlineData(PgTypeKind.Integer, "9007199254740993", "9007199254740993")]
    [InlineData(PgTypeKind.Numeric, "1.50", "1.50")]
    [InlineData(PgTypeKind.Numeric, "NaN", "'NaN'")]
    [InlineData(PgTypeKind.Float, "Infinity", "'Infinity'")]
    [InlineData(PgTypeKind.Float, "-Infinity", "'-Infinity'")]
    [InlineData(PgTypeKind.Float, "1e+300", "1e+300")]
    [InlineData(PgTypeKind.Float, "-0", "'-0'")]
    [InlineData(PgTypeKind.Float, "-1.5", "-1.5")]
    [InlineData(PgTypeKind.Numeric, "0", "0")]
    [InlineData(PgTypeKind.Text, "", "''")]
    [InlineData(PgTypeKind.Text, "NULL", "'NULL'")]
    [InlineData(PgTypeKind.Jsonb, "null", "'null'")]
    [InlineData(PgTypeKind.Array, "{}", "'{}'")]
    [InlineData(PgTypeKind.Array, "{a,\"b c\",NULL}", "'{a,\"b c\",NULL}'")]
    [InlineData(PgTypeKind.Array, "{\"f\\\\g\"}", "E'{\"f\\\\\\\\g\"}'")]
    [InlineData(PgTypeKind.Interval, "3 days 04:05:06.789", "'3 days 04:05:06.789'")]
    [InlineData(PgTypeKind.Timestamptz, "2024-02-29T18:29:59.000Z", "'2024-02-29T18:29:59.000Z'")]
    [InlineData(PgTypeKind.Bytea, "\\x00ff", "E'\\\\x00ff'")]
    [InlineData(PgTypeKind.Uuid, "a0000000-0000-4000-8000-00000000000a", "'a0000000-0000-4000-8000-00000000000a'")]
    public void Values_render_by_kind(PgTypeKind kind, string? text, string expected) =>
        Assert.Equal(expected, ValueRenderer.Render(new PgValue(kind, text)));
}
