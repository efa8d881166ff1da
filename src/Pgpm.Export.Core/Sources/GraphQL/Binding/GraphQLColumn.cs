using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>One column of a table as a GraphQL node type exposes it.</summary>
/// <param name="Column">The PostgreSQL column name.</param>
/// <param name="Field">The GraphQL field name.</param>
/// <param name="Kind">How its values render.</param>
/// <param name="Shape">How its JSON values are read.</param>
/// <param name="ListDepth">Array dimensions; 0 for a plain value.</param>
/// <param name="EnumLabels">For enums whose values the API spells differently from the labels (upper-cased): GraphQL
/// value → label; null when the values are the labels.</param>
/// <param name="Selection">The field with any sub-selection, as it goes into a query.</param>
/// <param name="NonNull">The field is non-null (the column is NOT NULL), so a JSON null in it is JSON's null, not SQL NULL.</param>
/// <param name="ValueKind">The kind of one value: the column's own, or its elements' for an array.</param>
/// <param name="BoundShape">For ranges: how a bound's value reads (Datetime, or Scalar for numbers and dates).</param>
/// <param name="RangesAsV5">For ranges: the server is PostGraphile v5, which sends a NULL range like an empty one and <c>(,)</c>
/// (<c>{ start: null, end: null }</c>).</param>
/// <param name="InfinityAsNull">For ranges of dates and times on PostGraphile v5: an infinite bound is sent like a
/// missing one (null).</param>
public sealed record GraphQLColumn(
    string Column,
    string Field,
    PgTypeKind Kind,
    GraphQLValueShape Shape,
    int ListDepth,
    IReadOnlyDictionary<string, string>? EnumLabels,
    string Selection,
    bool NonNull = false,
    PgTypeKind ValueKind = PgTypeKind.Text,
    GraphQLValueShape BoundShape = GraphQLValueShape.Scalar,
    bool RangesAsV5 = false,
    bool InfinityAsNull = false
)
{
    /// <summary>The GraphQL type's name (for messages) and, for an enum, its values as the API spells them.</summary>
    public string GraphQLType { get; init; } = "";

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>
    /// <see cref="EnumValues"/> are the naming rules' spelling of the manifest's labels, not the API's own list (introspection
    /// refused): every value read must then be one of them, even where they are the labels themselves.
    /// </summary>
    public bool EnumValuesFromRules { get; init; }
}
