namespace Pgpm.Export.Model;

/// <summary>
/// A row of <c>metaschema_public.database</c>: the unit an export works on. What Get-ExportDatabase emits, so a class
/// and not a record: PowerShell's Get-Member lists every public member, and a record adds compiler-made ones
/// (<c>&lt;Clone&gt;$</c>, <c>Deconstruct</c>) that mean nothing to a user. Nothing compares two by value.
/// </summary>
public sealed class DatabaseInfo(Guid id, string name, string? label = null, string? schemaName = null)
{
    /// <summary>The database's id (<c>metaschema_public.database.id</c>).</summary>
    public Guid Id { get; } = id;

    /// <summary>Its name (<c>name</c>); may be empty where the source has none.</summary>
    public string Name { get; } = name;

    public string? Label { get; } = label;

    /// <summary>The PostgreSQL schema name prefix it was created with (<c>schema_name</c>), when the source has it.</summary>
    public string? SchemaName { get; } = schemaName;

    /// <summary>The name, so <c>"$db"</c> in PowerShell reads as the database.</summary>
    public override string ToString() => Name;
}
