namespace Pgpm.Export.Model;

/// <summary>A table identified by schema and name, as PostgreSQL spells them.</summary>
public sealed record TableRef(string Schema, string Name) : IComparable<TableRef>
{
    public override string ToString() => $"{Schema}.{Name}";

    public int CompareTo(TableRef? other)
    {
        if (other is null) return 1;
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
