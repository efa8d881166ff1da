using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Pages through one connection with cursors until <c>hasNextPage</c> is false, one page in flight at a
/// time, each page sized by a <see cref="PageSizer"/> within the endpoint's ceiling (which steps down when the
/// server refuses a size); a cursor that does not advance stops the loop. Rows of one database are filtered
/// by the server when the connection can, and here when it cannot.
/// </summary>
internal sealed class ConnectionPager(GraphQLClient client, PageSizeCeiling ceiling)
{
    /// <param name="databaseId">Only this database's rows; null for every row.</param>
    public async IAsyncEnumerable<JsonObject> NodesAsync(GraphQLTableBinding binding, IReadOnlyList<GraphQLColumn> columns, Guid? databaseId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filtered = databaseId is not null && binding.FilterStyle != DatabaseFilterStyle.ClientSide;
        var localFilter = databaseId is not null && !filtered ? binding.FindColumn(MetaSchemas.DatabaseColumnOf(binding.Table)) : null;
        var selected = localFilter is null || columns.Contains(localFilter) ? columns : [.. columns, localFilter];
        var wanted = databaseId?.ToString();
        var query = Query(binding, selected, filtered);
        var sizer = new PageSizer(ceiling);
        string? cursor = null;
        var page = 0;
        while (true)
        {
            page++;
            var size = sizer.Next;
            GraphQLAnswer answer;
            try
            {
                var variables = new Dictionary<string, object?> { ["first"] = size, ["after"] = cursor };
                if (filtered) variables["db"] = databaseId!.Value.ToString();
                answer = await client.QueryPageAsync(query, variables, $"reading page {page} of {binding.ConnectionField} ({binding.Table})", cancellationToken).ConfigureAwait(false);
            }
            catch (ExportException e) when (e.ErrorId == GraphQLClient.PageSizeTooLarge && ceiling.Refused(size, client))
            {
                page--;
                continue;
            }

            var connection = answer.Data[binding.ConnectionField] as JsonObject
                ?? throw new ExportException(ExportErrorKind.Protocol, "GraphQLNoConnection", $"{client.Endpoint} returned no {binding.ConnectionField} on page {page} of {binding.Table}.");
            var nodes = connection["nodes"] as JsonArray ?? [];
            sizer.Observed(nodes.Count, answer.Bytes);
            foreach (var node in nodes)
            {
                if (node is not JsonObject row) continue;
                if (localFilter is not null && row[localFilter.Field]?.GetValue<string>() != wanted) continue;
                yield return row;
            }

            var info = connection["pageInfo"];
            if (info?["hasNextPage"]?.GetValue<bool>() != true) yield break;
            var next = info["endCursor"]?.GetValue<string>();
            if (next is null || next == cursor)
                throw new ExportException(ExportErrorKind.Protocol, "GraphQLCursorStuck",
                    $"{client.Endpoint} said {binding.ConnectionField} ({binding.Table}) has more rows after page {page} but gave {(next is null ? "no cursor" : "the same cursor again")}; stopping instead of looping.");
            cursor = next;
        }
    }

    private static string Query(GraphQLTableBinding binding, IReadOnlyList<GraphQLColumn> columns, bool filtered)
    {
        var sb = new StringBuilder("query PgpmExportPage($first: Int!, $after: ").Append(binding.CursorType);
        if (filtered) sb.Append(", $db: ").Append(binding.FilterValueType).Append('!');
        sb.Append(") { ").Append(binding.ConnectionField).Append("(first: $first, after: $after");
        if (binding.OrderBy is not null) sb.Append(", orderBy: [").Append(binding.OrderBy).Append(']');
        if (filtered)
        {
            if (binding.FilterStyle == DatabaseFilterStyle.Argument)
                sb.Append(", ").Append(binding.FilterArgument).Append(": $db");
            else
                sb.Append(", ").Append(binding.FilterArgument).Append(": { ").Append(binding.FilterField).Append(": ")
                  .Append(binding.FilterStyle == DatabaseFilterStyle.EqualTo ? "{ equalTo: $db }" : "$db").Append(" }");
        }
        sb.Append(") { pageInfo { hasNextPage endCursor } nodes { ");
        sb.AppendJoin(' ', columns.Select(c => c.Selection));
        sb.Append(" } } }");
        return sb.ToString();
    }
}
