namespace Pgpm.Export.Model;

/// <summary>A row of <c>metaschema_public.schema</c>: <see cref="Name"/> is the logical name, <see cref="SchemaName"/> the PostgreSQL schema.</summary>
public sealed record SchemaInfo(Guid Id, Guid DatabaseId, string Name, string SchemaName);
