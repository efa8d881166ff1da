using Pgpm.Export.Model;
using Pgpm.Export.Rendering;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Rendering;

public class InsertStatementWriterTests
{
    private static readonly TableShape Shape = new(
        new TableRef("metaschema_public", "table"),
        [
            new ColumnInfo("id", "uuid", PgTypeKind.Uuid),
            new ColumnInfo("current_role", "text", PgTypeKind.Text),
            new ColumnInfo("description", "text", PgTypeKind.Text),
            new ColumnInfo("tags", "citext[]", PgTypeKind.Array),
        ],
        ["id"],
        "database_id"
    );

    private static ExportRow Row(string id, string? role, string? description, string? tags) =>
        new(Shape, [new(PgTypeKind.Uuid, id), new(PgTypeKind.Text, role), new(PgTypeKind.Text, description), new(PgTypeKind.Array, tags)]);

    [Fact]
    public void Layout_indents_tuples_except_those_holding_a_line_break()
    {
        var text = Render(
            SchemaRenamer.None,
            false,
            Row("1", "r", "one", "{}"),
            Row("2", null, "two\nlines", null),
            Row("3", "it's", "", "{a,\"b c\",NULL}")
        );
        Assert.Equal(
            "INSERT INTO metaschema_public.table (\n  id,\n  \"current_role\",\n  description,\n  tags\n) VALUES\n"
                + "  ('1', 'r', 'one', '{}'),\n"
                + "('2', NULL, 'two\nlines', NULL),\n"
                + "  ('3', 'it''s', '', '{a,\"b c\",NULL}');",
            text
        );
    }

    [Fact]
    public void On_conflict_do_nothing_ends_the_statement_when_asked()
    {
        Assert.EndsWith("  ('1', NULL, NULL, NULL) ON CONFLICT DO NOTHING;", Render(SchemaRenamer.None, true, Row("1", null, null, null)));
    }

    [Fact]
    public void Renaming_applies_to_values()
    {
        var renamer = new SchemaRenamer(new Dictionary<string, string> { ["old_public"] = "new_public" });
        Assert.Contains("('1', 'new_public', 'xold_public', NULL)", Render(renamer, false, Row("1", "old_public", "xold_public", null)));
    }

    /// <summary>The statement for <paramref name="rows"/> as the script file gets it (UTF-8), read back as text.</summary>
    internal static string Render(SchemaRenamer renamer, bool onConflictDoNothing, params ExportRow[] rows)
    {
        var file = new MemoryStream();
        using (var output = new Utf8ScriptOutput(file))
        {
            var insert = new InsertStatementWriter(output, rows[0].Shape, renamer, onConflictDoNothing);
            foreach (var row in rows)
                insert.WriteRow(row);
            insert.Finish();
            output.Flush();
        }
        return System.Text.Encoding.UTF8.GetString(file.ToArray());
    }
}
