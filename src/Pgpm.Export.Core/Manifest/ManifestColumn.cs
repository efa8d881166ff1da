using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>One column of a manifest table, as the schema version defines it.</summary>
/// <param name="Name">The PostgreSQL column name.</param>
/// <param name="Type">The declared type as <c>pg_catalog.format_type</c> prints it (<c>citext[]</c>,
/// <c>metaschema_public.object_category</c>).</param>
/// <param name="Kind">How its values render (a domain has its base type's kind).</param>
/// <param name="NotNull">Whether the column is declared NOT NULL.</param>
/// <param name="EnumType">For an enum column, or an array or domain over one: the enum type, schema-qualified.</param>
/// <param name="EnumLabels">That enum's labels in their sort order (<c>pg_enum.enumsortorder</c>), exactly as PostgreSQL spells
/// them.</param>
public sealed record ManifestColumn(
    string Name,
    string Type,
    PgTypeKind Kind,
    bool NotNull,
    string? EnumType = null,
    IReadOnlyList<string>? EnumLabels = null
);
