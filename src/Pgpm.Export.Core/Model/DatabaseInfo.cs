namespace Pgpm.Export.Model;

/// <summary>A row of <c>metaschema_public.database</c>: the unit an export works on.</summary>
public sealed record DatabaseInfo(Guid Id, string Name, string? Label = null, string? SchemaName = null);
