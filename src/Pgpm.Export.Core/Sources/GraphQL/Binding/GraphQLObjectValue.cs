using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>The values GraphQL sends as an object of parts: an interval, and a range with its bounds.</summary>
internal static class GraphQLObjectValue
{
    /// <summary>The Interval object <c>{ years months days hours minutes seconds }</c> as interval text.</summary>
    public static string Interval(JsonNode value) =>
        IntervalText.Format(
            Whole(value["years"]),
            Whole(value["months"]),
            Whole(value["days"]),
            Whole(value["hours"]),
            Whole(value["minutes"]),
            value["seconds"]?.GetValue<double>() ?? 0
        );

    /// <summary>
    /// The range's text from its bounds, or null for NULL. PostGraphile v4 sends <c>empty</c> and <c>(,)</c> alike, so
    /// that value stops the export. v5 sends NULL like those two and it is taken as NULL (documented in docs/graphql.md);
    /// v5 also sends an infinite date or time bound like a missing one, so a missing bound of such a range stops the export.
    /// </summary>
    public static string? Range(GraphQLColumn column, JsonNode value)
    {
        var start = value["start"];
        var end = value["end"];
        if (start is null && end is null)
        {
            if (column.RangesAsV5)
                return null;
            throw new FormatException(
                "the API shows an empty range and the unbounded range (,) alike, so which one this is " + "cannot be known"
            );
        }
        if (column.InfinityAsNull && (start is null || end is null))
            throw new FormatException("this server shows an infinite bound and a missing one alike, so which one this is cannot be known");
        return RangeText.Format(
            Bound(column, start),
            start?["inclusive"]?.GetValue<bool>() == true,
            Bound(column, end),
            end?["inclusive"]?.GetValue<bool>() == true
        );
    }

    private static string? Bound(GraphQLColumn column, JsonNode? bound)
    {
        if (bound is null)
            return null;
        return bound["value"] switch
        {
            JsonValue v when column.BoundShape == GraphQLValueShape.Datetime => IsoTimestamp.ToPostgres(v.GetValue<string>()).Text,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            var other => throw new FormatException($"a range bound whose value is {other?.GetValueKind().ToString() ?? "missing"}"),
        };
    }

    private static long Whole(JsonNode? node) => node is null ? 0 : (long)node.GetValue<double>();
}
