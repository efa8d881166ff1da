using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>How a GraphQL field carries a column's values.</summary>
public enum GraphQLValueShape
{
    /// <summary>A scalar whose JSON value maps directly (UUID, String, Int, BigInt, BigFloat, Float, Boolean, Date, JSON…).</summary>
    Scalar,
    /// <summary>Datetime: an ISO string, with an offset for timestamptz and without for timestamp.</summary>
    Datetime,
    /// <summary>Time: <c>HH:MM:SS</c> with the fraction PostgreSQL would print (trailing zeros dropped).</summary>
    Time,
    /// <summary>Base64EncodedBinary (bytea).</summary>
    Base64,
    /// <summary>An enum value; <see cref="GraphQLColumn.EnumLabels"/> maps it back to the label when the API changed the labels.</summary>
    Enum,
    /// <summary>The Interval object <c>{ years months days hours minutes seconds }</c>.</summary>
    Interval,
    /// <summary>
    /// JSON sent as a string holding PostgreSQL's JSON text: PostGraphile v4 without <c>dynamicJson</c>, recognised by the
    /// description v4 gives that scalar ("A JavaScript object encoded in the JSON format…").
    /// </summary>
    JsonText,
    /// <summary>hstore as PostGraphile's <c>KeyValueHash</c>: a JSON object of strings and nulls.</summary>
    Hstore,
    /// <summary>A range as <c>{ start { value inclusive } end { value inclusive } }</c>; <see cref="GraphQLColumn.BoundShape"/> says how a bound's value reads.</summary>
    Range,
    /// <summary>A scalar the exporter does not know (a domain): JSON objects and arrays are jsonb, strings are text.</summary>
    Unknown,
}

/// <summary>One column of a table as a GraphQL node type exposes it.</summary>
/// <param name="Column">The PostgreSQL column name.</param>
/// <param name="Field">The GraphQL field name.</param>
/// <param name="Kind">How its values render.</param>
/// <param name="Shape">How its JSON values are read.</param>
/// <param name="ListDepth">Array dimensions; 0 for a plain value.</param>
/// <param name="EnumLabels">For enums whose values the API spells differently from the labels (upper-cased): GraphQL value → label; null when the values are the labels.</param>
/// <param name="Selection">The field with any sub-selection, as it goes into a query.</param>
/// <param name="NonNull">The field is non-null (the column is NOT NULL), so a JSON null in it is JSON's null, not SQL NULL.</param>
/// <param name="ValueKind">The kind of one value: the column's own, or its elements' for an array.</param>
/// <param name="BoundShape">For ranges: how a bound's value reads (Datetime, or Scalar for numbers and dates).</param>
/// <param name="RangesAsV5">For ranges: the server is PostGraphile v5, which sends a NULL range like an empty one and <c>(,)</c>
/// (<c>{ start: null, end: null }</c>).</param>
/// <param name="InfinityAsNull">For ranges of dates and times on PostGraphile v5: an infinite bound is sent like a missing one (null).</param>
public sealed record GraphQLColumn(string Column, string Field, PgTypeKind Kind, GraphQLValueShape Shape, int ListDepth, IReadOnlyDictionary<string, string>? EnumLabels, string Selection,
    bool NonNull = false, PgTypeKind ValueKind = PgTypeKind.Text, GraphQLValueShape BoundShape = GraphQLValueShape.Scalar, bool RangesAsV5 = false, bool InfinityAsNull = false)
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
