using System.Text;
using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Sources.Sql;
using Xunit;
using InsertStatementWriterTests = Pgpm.Export.Tests.Rendering.InsertStatementWriterTests;

namespace Pgpm.Export.Tests.Sql;

/// <summary>
/// The SQL source reads rows with COPY's text format, whose escaping differs from a value's text: each
/// escape COPY TO writes decodes to its character, \N alone is NULL, and anything else is refused, not guessed at.
/// Rows are split as the bytes they arrived as and a value keeps its bytes until it is rendered, so these tests hold
/// both forms to the same text. The round trip of every value through a real server is in <see cref="RoundTripTests"/>
/// and the type parity tests.
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
    [InlineData(@"\\n is no line break", @"\n is no line break")]
    [InlineData("ünïcødé 🐘", "ünïcødé 🐘")]
    public void Each_escape_COPY_writes_decodes_to_its_character(string field, string expected) =>
        Assert.Equal(expected, Split(field, 1)[0]);

    [Fact]
    public void Fields_split_at_tabs_and_a_lone_backslash_N_is_null() =>
        Assert.Equal(new[] { "a", null, "", "x\ty" }, Split("a\t\\N\t\tx\\ty", 4));

    [Theory]
    [InlineData("a\tb", 1)]
    [InlineData("a", 2)]
    [InlineData("a\tb\tc", 2)]
    public void A_row_with_another_number_of_fields_is_refused(string line, int expected) =>
        Assert.Throws<FormatException>(() => Split(line, expected));

    [Theory]
    [InlineData(@"\x41")]
    [InlineData(@"\101")]
    [InlineData(@"\q")]
    [InlineData(@"lone\")]
    public void An_escape_COPY_TO_does_not_write_is_refused(string field) => Assert.Throws<FormatException>(() => Split(field, 1));

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused() =>
        Assert.Throws<FormatException>(() => CopyTextLine.Split([0x61, 0xC3, 0x28], 0, 3, [PgTypeKind.Text], new PgValue[1]));

    /// <summary>
    /// A value kept as COPY bytes renders exactly as its decoded text does (quotes doubled, an E'' literal with doubled
    /// backslashes, line breaks and tabs as they are, bare numbers but NaN, ±Infinity and a float's -0), and says it
    /// holds a line break exactly when the text does (the tuple's indentation depends on it).
    /// </summary>
    [Theory]
    [InlineData(PgTypeKind.Text, @"it's")]
    [InlineData(PgTypeKind.Text, @"back\\slash and 'quote'")]
    [InlineData(PgTypeKind.Text, @"two\nlines\tand\r\b\f\v")]
    [InlineData(PgTypeKind.Text, @"\\n is no line break")]
    [InlineData(PgTypeKind.Text, "ünïcødé 🐘 ''")]
    [InlineData(PgTypeKind.Text, "")]
    [InlineData(PgTypeKind.Array, @"{""a\\\\b"",""it's""}")]
    [InlineData(PgTypeKind.Integer, "-42")]
    [InlineData(PgTypeKind.Boolean, "t")]
    [InlineData(PgTypeKind.Numeric, "1.50")]
    [InlineData(PgTypeKind.Numeric, "NaN")]
    [InlineData(PgTypeKind.Numeric, "-Infinity")]
    [InlineData(PgTypeKind.Float, "-0")]
    [InlineData(PgTypeKind.Float, "1e+100")]
    [InlineData(PgTypeKind.Float, "Infinity")]
    [InlineData(PgTypeKind.Bytea, @"\\x00ff")]
    [InlineData(PgTypeKind.Jsonb, @"{""a"": ""b\\\\c""}")]
    [InlineData(PgTypeKind.Timestamptz, "2024-01-02 03:04:05.5+00")]
    public void A_value_kept_as_COPY_bytes_renders_as_its_text_does(PgTypeKind kind, string field)
    {
        var values = new PgValue[1];
        var bytes = Encoding.UTF8.GetBytes(field);
        CopyTextLine.Split(bytes, 0, bytes.Length, [kind], values);
        var asText = new PgValue(kind, values[0].Text);
        var shape = new TableShape(new TableRef("s", "t"), [new ColumnInfo("c", "text", kind)], ["c"], "database_id");
        Assert.Equal(
            InsertStatementWriterTests.Render(SchemaRenamer.None, false, new ExportRow(shape, [asText])),
            InsertStatementWriterTests.Render(SchemaRenamer.None, false, new ExportRow(shape, values))
        );
        Assert.Equal(asText, values[0]);
    }

    /// <summary>
    /// Rows cut into reads of any size, with rows longer than the buffer, come out whole; rows handed out earlier keep
    /// their values while later reads fill new buffers (values point into the buffers, which are never overwritten).
    /// </summary>
    [Theory]
    [InlineData(1, 8)]
    [InlineData(3, 8)]
    [InlineData(7, 16)]
    [InlineData(4096, 64)]
    public async Task Rows_come_out_whole_whatever_the_reads_and_stay_valid(int bytesPerRead, int chunkBytes)
    {
        var rows = Enumerable.Range(0, 50).Select(i => i % 7 == 3 ? new string('x', 100 + i) + "\\n" + i : $"row {i}\\tü{i}").ToList();
        var lines = new CopyTextLines(
            new TricklingStream(Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => r + "\n"))), bytesPerRead),
            chunkBytes
        );
        var read = new List<PgValue>();
        while (true)
        {
            if (lines.TryReadLine(out var bytes, out var start, out var length))
            {
                var values = new PgValue[1];
                CopyTextLine.Split(bytes, start, length, [PgTypeKind.Text], values);
                read.Add(values[0]);
            }
            else if (!await lines.ReadMoreAsync(CancellationToken.None))
            {
                break;
            }
        }
        Assert.Equal(rows.Select(r => r.Replace("\\n", "\n").Replace("\\t", "\t")), read.Select(v => v.Text));
    }

    [Fact]
    public async Task Data_that_ends_inside_a_row_is_refused()
    {
        var lines = new CopyTextLines(new MemoryStream("a\nb"u8.ToArray()));
        Assert.True(await lines.ReadMoreAsync(CancellationToken.None));
        Assert.True(lines.TryReadLine(out _, out _, out _));
        Assert.False(lines.TryReadLine(out _, out _, out _));
        await Assert.ThrowsAsync<FormatException>(async () => await lines.ReadMoreAsync(CancellationToken.None));
    }

    private static string?[] Split(string line, int fields)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var values = new PgValue[fields];
        CopyTextLine.Split(bytes, 0, bytes.Length, Enumerable.Repeat(PgTypeKind.Text, fields).ToArray(), values);
        return values.Select(v => v.Text).ToArray();
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a socket may.</summary>
    private sealed class TricklingStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
