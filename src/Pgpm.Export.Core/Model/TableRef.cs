namespace Pgpm.Export.Model;

/// <summary>
/// A table identified by schema and name, as PostgreSQL spells them; equal when both are equal (ordinal), so it keys
/// dictionaries. Written out instead of a record because PowerShell users meet it (an omission's <c>Table</c>) and
/// Get-Member would list a record's compiler-made members (<c>&lt;Clone&gt;$</c>, <c>Deconstruct</c>).
/// </summary>
public sealed class TableRef(string schema, string name) : IEquatable<TableRef>, IComparable<TableRef>
{
    public string Schema { get; } = schema;

    public string Name { get; } = name;

    public override string ToString() => $"{Schema}.{Name}";

    public bool Equals(TableRef? other) =>
        other is not null
        && (
            ReferenceEquals(this, other)
            || string.Equals(Schema, other.Schema, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal)
        );

    public override bool Equals(object? obj) => Equals(obj as TableRef);

    public override int GetHashCode() => HashCode.Combine(Schema, Name);

    public static bool operator ==(TableRef? left, TableRef? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(TableRef? left, TableRef? right) => !(left == right);

    public int CompareTo(TableRef? other)
    {
        if (other is null)
            return 1;
        var bySchema = string.CompareOrdinal(Schema, other.Schema);
        return bySchema != 0 ? bySchema : string.CompareOrdinal(Name, other.Name);
    }

    public static TableRef Parse(string qualified)
    {
        var dot = qualified.IndexOf('.');
        if (dot <= 0 || dot == qualified.Length - 1)
            throw new ArgumentException($"'{qualified}' is not a schema-qualified table name (expected schema.table).", nameof(qualified));
        return new TableRef(qualified[..dot], qualified[(dot + 1)..]);
    }
}
