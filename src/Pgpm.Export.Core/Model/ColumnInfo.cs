namespace Pgpm.Export.Model;

/// <summary>One column of a source table.</summary>
/// <param name="Name">The column name (snake_case, as in PostgreSQL).</param>
/// <param name="TypeName">
/// The declared type as PostgreSQL formats it, e.g. <c>citext[]</c> or <c>metaschema_public.object_category</c>.
/// </param>
/// <param name="Kind">How values render; a domain has its base type's kind.</param>
/// <param name="IsNotNull">Whether the column is declared NOT NULL.</param>
/// <param name="DefaultExpression">The default as PostgreSQL deparses it, when the source knows it.</param>
/// <param name="BaseTypeName">pg_type.typname of the type under any domains (e.g. <c>bpchar</c>), when the source knows it.</param>
public sealed record ColumnInfo(
    string Name,
    string TypeName,
    PgTypeKind Kind,
    bool IsNotNull = false,
    string? DefaultExpression = null,
    string? BaseTypeName = null
)
{
    /// <summary>
    /// For an enum (or enum array) column of a source that spells the values differently from the labels (a GraphQL API
    /// that upper-cases them): the source's spelling → the label. Null when the source gives the labels themselves.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnumLabels { get; init; }

    /// <summary>
    /// The source's own name for the field that carries the column, where it differs from the column: the GraphQL field
    /// (<c>databaseId</c> for <c>database_id</c>). Null for SQL, whose columns are read by their names.
    /// </summary>
    public string? SourceField { get; init; }
}
