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

    /// <summary>A range as <c>{ start { value inclusive } end { value inclusive } }</c>; <see
    /// cref="GraphQLColumn.BoundShape"/> says how a bound's value reads.</summary>
    Range,

    /// <summary>A scalar the exporter does not know (a domain): JSON objects and arrays are jsonb, strings are text.</summary>
    Unknown,
}
