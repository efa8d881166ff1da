using System.Text;
using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Streams one INSERT statement for a table's rows in the spec's layout: a column list one per line,
/// tuples joined by <c>,\n</c> and indented two spaces unless the tuple holds a line break (then it
/// starts at column 0, as the upstream deparser lays it out). Schema renaming is applied to each piece
/// as it is written; pieces break only between identifiers, so that equals renaming the whole text.
/// Each tuple is rendered as UTF-8 into one reused buffer (a value read as COPY text is copied from its bytes) and
/// copied into the script's buffer; only a tuple that names something the renamer replaces becomes a string.
/// Writes are synchronous: a row is a few hundred bytes, and an asynchronous write per row cost more (state
/// machines, thread hops, garbage) than the rendering itself.
/// </summary>
public sealed class InsertStatementWriter
{
    private readonly Utf8ScriptOutput _output;
    private readonly TableShape _shape;
    private readonly SchemaRenamer _renamer;
    private readonly bool _onConflictDoNothing;
    private readonly Utf8Buffer _tuple = new();
    private long _rows;

    public InsertStatementWriter(Utf8ScriptOutput output, TableShape shape, SchemaRenamer renamer, bool onConflictDoNothing)
    {
        _output = output;
        _shape = shape;
        _renamer = renamer;
        _onConflictDoNothing = onConflictDoNothing;
    }

    public long Rows => _rows;

    public void WriteRow(ExportRow row)
    {
        if (_rows == 0)
            Write(Header());
        _tuple.Reset();
        if (_rows > 0)
            _tuple.Write(",\n"u8);
        // Rendering never adds or removes a line break, so the tuple holds one exactly when a value does.
        var values = row.ValueSpan;
        _tuple.Write(HasLineBreak(values) ? "("u8 : "  ("u8);
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                _tuple.Write(", "u8);
            ValueRenderer.AppendUtf8(_tuple, values[i]);
        }
        _tuple.Write(")"u8);
        _rows++;
        var tuple = _tuple.WrittenSpan;
        if (_renamer.Occurs(tuple))
            Write(Encoding.UTF8.GetString(tuple));
        else
            _output.Write(tuple);
    }

    /// <summary>Ends the statement; call only after at least one row.</summary>
    public void Finish()
    {
        if (_rows == 0)
            throw new InvalidOperationException("An INSERT needs at least one row.");
        Write(_onConflictDoNothing ? " ON CONFLICT DO NOTHING;" : ";");
    }

    private string Header()
    {
        var sb = new StringBuilder("INSERT INTO ");
        sb.Append(SqlIdentifier.Qualified(_shape.Table.Schema, _shape.Table.Name)).Append(" (\n");
        sb.AppendJoin(",\n", _shape.Columns.Select(c => "  " + SqlIdentifier.Column(c.Name)));
        sb.Append("\n) VALUES\n");
        return sb.ToString();
    }

    private void Write(string text) => _output.Write(_renamer.Apply(text));

    private static bool HasLineBreak(ReadOnlySpan<PgValue> values)
    {
        foreach (var value in values)
        {
            var copy = value.CopyField;
            if (copy.IsSet ? copy.HasLineBreak : value.Text is { } text && text.Contains('\n'))
                return true;
        }
        return false;
    }
}
