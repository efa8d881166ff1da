using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class InsertStatementWriterTests
{
    private static readonly TableShape Shape = new(new TableRef("metaschema_public", "table"),
    [
        new ColumnInfo("id", "uuid", PgTypeKind.Uuid),
        new ColumnInfo("current_role", "text", PgTypeKind.Text),
        new ColumnInfo("description", "text", PgTypeKind.Text),
        new ColumnInfo("tags", "citext[]", PgTypeKind.Array),
    ], ["id"], "database_id");

    private static ExportRow Row(string id, string? role, string? description, string? tags) => new(Shape,
        [new(PgTypeKind.Uuid, id), new(PgTypeKind.Text, role), new(PgTypeKind.Text, description), new(PgTypeKind.Array, tags)]);

    [Fact]
    public void Layout_indents_tuples_except_those_holding_a_line_break()
    {
        var writer = new StringWriter();
        var insert = new InsertStatementWriter(writer, Shape, SchemaRenamer.None, onConflictDoNothing: false);
        insert.WriteRow(Row("1", "r", "one", "{}"));
        insert.WriteRow(Row("2", null, "two\nlines", null));
        insert.WriteRow(Row("3", "it's", "", "{a,\"b c\",NULL}"));
        insert.Finish();
        Assert.Equal(
            "INSERT INTO metaschema_public.table (\n  id,\n  \"current_role\",\n  description,\n  tags\n) VALUES\n" +
            "  ('1', 'r', 'one', '{}'),\n" +
            "('2', NULL, 'two\nlines', NULL),\n" +
            "  ('3', 'it''s', '', '{a,\"b c\",NULL}');",
            writer.ToString());
    }

    [Fact]
    public void On_conflict_do_nothing_ends_the_statement_when_asked()
    {
        var writer = new StringWriter();
        var insert = new InsertStatementWriter(writer, Shape, SchemaRenamer.None, onConflictDoNothing: true);
        insert.WriteRow(Row("1", null, null, null));
        insert.Finish();
        Assert.EndsWith("  ('1', NULL, NULL, NULL) ON CONFLICT DO NOTHING;", writer.ToString());
    }

    [Fact]
    public void Renaming_applies_to_values()
    {
        var writer = new StringWriter();
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["old_public"] = "new_public" });
        var insert = new InsertStatementWriter(writer, Shape, renamer, onConflictDoNothing: false);
        insert.WriteRow(Row("1", "old_public", "xold_public", null));
        insert.Finish();
        Assert.Contains("('1', 'new_public', 'xold_public', NULL)", writer.ToString());
    }
}
