namespace Pgpm.Export.Model;

/// <summary>
/// A row of <c>metaschema_public.schema</c>: <see cref="Name"/> is the logical name, <see cref="SchemaName"/> the PostgreSQL
/// schema. What Get-ExportSchema emits: a class, not a record, for the reason <see cref="DatabaseInfo"/> gives.
/// </summary>
public sealed class SchemaInfo(Guid id, Guid databaseId, string name, string schemaName)
{
    public Guid Id { get; } = id;

    public Guid DatabaseId { get; } = databaseId;

    /// <summary>The logical name (<c>name</c>), e.g. <c>public</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The PostgreSQL schema (<c>schema_name</c>), e.g. <c>acme_crm_1a2b_public</c>.</summary>
    public string SchemaName { get; } = schemaName;

    /// <summary>The PostgreSQL schema, the name that identifies it in SQL and in an export's renaming.</summary>
    public override string ToString() => SchemaName;
}
