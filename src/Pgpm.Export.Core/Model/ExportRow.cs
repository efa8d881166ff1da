namespace Pgpm.Export.Model;

/// <summary>One row of a meta table: its table identity and its values in the shape's column order.</summary>
public sealed class ExportRow
{
    public ExportRow(TableShape shape, PgValue[] values)
    {
        if (values.Length != shape.Columns.Count)
            throw new ArgumentException($"A row of {shape.Table} needs {shape.Columns.Count} values, got {values.Length}.", nameof(values));
        Shape = shape;
        _values = values;
    }

    private readonly PgValue[] _values;

    public TableShape Shape { get; }
    public TableRef Table => Shape.Table;
    public IReadOnlyList<PgValue> Values => _values;

    /// <summary>The values for a loop run once per row (the renderer's): no interface call per value, no enumerator per row.</summary>
    public ReadOnlySpan<PgValue> ValueSpan => _values;

    public PgValue this[string column]
    {
        get
        {
            var index = Shape.IndexOf(column);
            if (index < 0)
                throw new KeyNotFoundException($"{Table} has no column '{column}'.");
            return _values[index];
        }
    }

    public IEnumerable<KeyValuePair<string, PgValue>> Pairs() =>
        Shape.Columns.Select((c, i) => new KeyValuePair<string, PgValue>(c.Name, _values[i]));
}
