using System.Text;
using Pgpm.Export.Model;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Streams one INSERT statement for a table's rows in the spec's layout: a column list one per line,
/// tuples joined by <c>,\n</c> and indented two spaces unless the tuple holds a line break (then it
/// starts at column 0, as the upstream deparser lays it out). Schema renaming is applied to each piece
/// as it is written; pieces break only between identifiers, so that equals renaming the whole text.
/// Writes are synchronous into the writer's buffer: a row is a few hundred characters, and an asynchronous
/// write per row cost more (state machines, thread hops, garbage) than the rendering itself.
/// </summary>
public sealed class InsertStatementWriter
{
    private readonly TextWriter _writer;
    private readonly TableShape _shape;
    private readonly SchemaRenamer _renamer;
    private readonly bool _onConflictDoNothing;
    private readonly StringBuilder _tuple = new();
    private long _rows;

    public InsertStatementWriter(TextWriter writer, TableShape shape, SchemaRenamer renamer, bool onConflictDoNothing)
    {
        _writer = writer;
        _shape = shape;
        _renamer = renamer;
        _onConflictDoNothing = onConflictDoNothing;
    }

    public long Rows => _rows;

    public void WriteRow(ExportRow row)
    {
        if (_rows == 0) Write(Header());
        _tuple.Clear();
        if (_rows > 0) _tuple.Append(",\n");
        // Rendering never adds or removes a line break, so the tuple holds one exactly when a value does.
        var values = row.ValueSpan;
        if (!HasLineBreak(values)) _tuple.Append("  ");
        _tuple.Append('(');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) _tuple.Append(", ");
            ValueRenderer.Append(_tuple, values[i]);
        }
        _tuple.Append(')');
        _rows++;
        WriteTuple();
    }

    /// <summary>Ends the statement; call only after at least one row.</summary>
    public void Finish()
    {
        if (_rows == 0) throw new InvalidOperationException("An INSERT needs at least one row.");
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

    private void Write(string text) => _writer.Write(_renamer.Apply(text));

    /// <summary>
    /// Writes the tuple as <see cref="Write"/> would, but straight from the builder when it is one chunk and names
    /// nothing the renamer replaces (most rows): no string is made for the row.
    /// </summary>
    private void WriteTuple()
    {
        ReadOnlyMemory<char> only = default;
        var chunks = 0;
        foreach (var chunk in _tuple.GetChunks())
            if (chunks++ == 0) only = chunk;
        if (chunks == 1 && !_renamer.Occurs(only.Span))
            _writer.Write(only.Span);
        else
            Write(_tuple.ToString());
    }

    private static bool HasLineBreak(ReadOnlySpan<PgValue> values)
    {
        foreach (var value in values)
            if (value.Text is { } text && text.Contains('\n')) return true;
        return false;
    }
}
