using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.Paging;

/// <summary>
/// Pages through one connection with cursors until <c>hasNextPage</c> is false, each page sized by a
/// <see cref="PageSizer"/> within the endpoint's ceiling (which steps down when the server refuses a size); a
/// cursor that does not advance stops the loop. While the caller takes one page's rows, the next page is already
/// being fetched: at most two pages of a connection are held at once, the one being read and the one in flight,
/// so rendering overlaps the server's work instead of following it. Rows of one database are filtered by the
/// server when the connection can, and here when it cannot.
/// </summary>
internal sealed class ConnectionPager(GraphQLClient client, PageSizeCeiling ceiling)
{
    /// <summary>Makes what the caller wants of a node from its tokens, one per column asked for.</summary>
    public delegate T NodeReader<out T>(ReadOnlySpan<JsonToken> node);

    /// <summary>
    /// Each node of the connection (one database's, or every one), as <paramref name="read"/> makes it from the node's
    /// tokens, one per column in <paramref name="columns"/>' order. A page is read, and its nodes made, as soon as it
    /// arrives, while the caller still takes the previous page's: the reading overlaps the rendering.
    /// </summary>
    /// <param name="databaseId">Only this database's rows; null for every row.</param>
    public async IAsyncEnumerable<T> NodesAsync<T>(
        GraphQLTableBinding binding,
        IReadOnlyList<GraphQLColumn> columns,
        Guid? databaseId,
        NodeReader<T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var filtered = databaseId is not null && binding.FilterStyle != DatabaseFilterStyle.ClientSide;
        var localFilter = databaseId is not null && !filtered ? binding.FindColumn(MetaSchemas.DatabaseColumnOf(binding.Table)) : null;
        var selected = localFilter is null || columns.Contains(localFilter) ? columns : [.. columns, localFilter];
        var filterAt = localFilter is null ? -1 : selected.ToList().IndexOf(localFilter);
        var fields = new NodeFields(selected);
        var wanted = databaseId?.ToString();
        var query = Query(binding, selected, filtered);
        var sizer = new PageSizer(ceiling);
        using var lookahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? cursor = null;
        var page = 1;
        Task<(List<T> Nodes, JsonNode? Info)>? next = FetchAsync(null, page, lookahead.Token);
        try
        {
            while (next is not null)
            {
                var (nodes, info) = await next.ConfigureAwait(false);
                next = null;
                if (info?["hasNextPage"]?.GetValue<bool>() == true)
                {
                    var after = info["endCursor"]?.GetValue<string>();
                    if (after is null || after == cursor)
                        throw new ExportException(
                            ExportErrorKind.Protocol,
                            ErrorId.GraphQLCursorStuck,
                            $"{client.Endpoint} said {binding.ConnectionField} ({binding.Table}) has more rows after page {page} "
                                + $"but gave {(after is null ? "no cursor" : "the same cursor again")}; stopping instead of looping."
                        );
                    cursor = after;
                    next = FetchAsync(cursor, ++page, lookahead.Token);
                }
                foreach (var node in nodes)
                    yield return node;
            }
        }
        finally
        {
            // The caller stopped early (or failed): the page in flight is not wanted, and its failure is not news.
            if (next is not null)
            {
                await lookahead.CancelAsync().ConfigureAwait(false);
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or ExportException) { }
            }
        }

        async Task<(List<T> Nodes, JsonNode? Info)> FetchAsync(string? after, int number, CancellationToken token)
        {
            while (true)
            {
                var size = sizer.Next;
                ConnectionPage connection;
                try
                {
                    var variables = new Dictionary<string, object?> { ["first"] = size, ["after"] = after };
                    if (filtered)
                        variables["db"] = databaseId!.Value.ToString();
                    connection = await client
                        .QueryBodyAsync(
                            query,
                            variables,
                            $"reading page {number} of {binding.ConnectionField} ({binding.Table})",
                            body => ConnectionPage.Read(body, binding.ConnectionField, fields),
                            token
                        )
                        .ConfigureAwait(false);
                }
                catch (ExportException e) when (e.ErrorId == ErrorId.GraphQLPageSizeTooLarge && ceiling.Refused(size, client))
                {
                    continue;
                }
                using (connection)
                {
                    if (!connection.Found)
                        throw new ExportException(
                            ExportErrorKind.Protocol,
                            ErrorId.GraphQLNoConnection,
                            $"{client.Endpoint} returned no {binding.ConnectionField} on page {number} of {binding.Table}."
                        );
                    sizer.Observed(connection.Count, connection.Bytes);
                    var nodes = new List<T>(connection.Count);
                    for (var n = 0; n < connection.Count; n++)
                    {
                        var node = connection.Node(n);
                        if (filterAt >= 0 && DatabaseOf(node[filterAt]) != wanted)
                            continue;
                        nodes.Add(read(node));
                    }
                    return (nodes, connection.PageInfo);
                }
            }
        }
    }

    private static string? DatabaseOf(in JsonToken id) => id.Type == JsonTokenType.String ? id.Text() : id.ToNode()?.GetValue<string>();

    /// <summary>
    /// Whether each connection has a row of the database, from one request: an alias per connection asking for its
    /// first node, filtered by the server. Every binding must filter on the server (not <see cref="DatabaseFilterStyle.ClientSide"/>).
    /// </summary>
    public async Task<bool[]> AnyRowsAsync(
        IReadOnlyList<GraphQLTableBinding> bindings,
        Guid databaseId,
        CancellationToken cancellationToken
    )
    {
        // One variable per GraphQL type the filters take (UUID, or String where the id is text).
        var types = bindings.Select(b => b.FilterValueType!).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("query PgpmExportAnyRows(");
        sb.AppendJoin(", ", types.Select((type, i) => $"$db{i}: {type}!"));
        sb.Append(") {");
        for (var i = 0; i < bindings.Count; i++)
        {
            sb.Append(" t").Append(i).Append(": ").Append(bindings[i].ConnectionField).Append("(first: 1");
            AppendFilter(sb, bindings[i], "$db" + types.IndexOf(bindings[i].FilterValueType!));
            sb.Append(") { nodes { __typename } }");
        }
        sb.Append(" }");
        var variables = types.Select((_, i) => ("db" + i, (object?)databaseId.ToString())).ToDictionary(v => v.Item1, v => v.Item2);
        var data = await client
            .QueryAsync(sb.ToString(), variables, "asking which meta tables have rows", cancellationToken)
            .ConfigureAwait(false);
        return bindings
            .Select(
                (b, i) =>
                    (
                        data["t" + i]?["nodes"] as JsonArray
                        ?? throw new ExportException(
                            ExportErrorKind.Protocol,
                            ErrorId.GraphQLNoConnection,
                            $"{client.Endpoint} returned no {b.ConnectionField} ({b.Table}) when asked whether it has rows."
                        )
                    ).Count > 0
            )
            .ToArray();
    }

    private static string Query(GraphQLTableBinding binding, IReadOnlyList<GraphQLColumn> columns, bool filtered)
    {
        var sb = new StringBuilder("query PgpmExportPage($first: Int!, $after: ").Append(binding.CursorType);
        if (filtered)
            sb.Append(", $db: ").Append(binding.FilterValueType).Append('!');
        sb.Append(") { ").Append(binding.ConnectionField).Append("(first: $first, after: $after");
        if (binding.OrderBy is not null)
            sb.Append(", orderBy: [").Append(binding.OrderBy).Append(']');
        if (filtered)
            AppendFilter(sb, binding, "$db");
        sb.Append(") { pageInfo { hasNextPage endCursor } nodes { ");
        sb.AppendJoin(' ', columns.Select(c => c.Selection));
        sb.Append(" } } }");
        return sb.ToString();
    }

    /// <summary>The connection's argument that keeps one database's rows, the id in <paramref name="variable"/>.</summary>
    private static void AppendFilter(StringBuilder sb, GraphQLTableBinding binding, string variable)
    {
        if (binding.FilterStyle == DatabaseFilterStyle.Argument)
            sb.Append(", ").Append(binding.FilterArgument).Append(": ").Append(variable);
        else
            sb.Append(", ")
                .Append(binding.FilterArgument)
                .Append(": { ")
                .Append(binding.FilterField)
                .Append(": ")
                .Append(binding.FilterStyle == DatabaseFilterStyle.EqualTo ? "{ equalTo: " + variable + " }" : variable)
                .Append(" }");
    }
}
