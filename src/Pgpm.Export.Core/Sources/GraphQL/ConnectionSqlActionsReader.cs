using System.Runtime.CompilerServices;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>sql_actions from a connection on a separate migrate endpoint (e.g. <c>sqlActions</c> or <c>allSqlActions</c>).</summary>
internal sealed class ConnectionSqlActionsReader(GraphQLClient client, GraphQLTableBinding binding, PageSizeCeiling ceiling) : ISqlActionsReader
{
    private readonly ConnectionPager _pager = new(client, ceiling);

    public string Origin => $"{client.Endpoint} ({binding.ConnectionField})";

    public async IAsyncEnumerable<SqlAction> ReadAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = new[] { "id", "name", "deploy", "deps", "content", "revert", "verify", "category" };
        var columns = wanted.Select(binding.FindColumn).OfType<GraphQLColumn>().ToList();
        var idField = binding.FindColumn("id")?.Field ?? "id";
        var depsField = binding.FindColumn("deps")?.Field ?? "deps";
        await foreach (var node in _pager.NodesAsync(binding, columns, databaseId, cancellationToken).ConfigureAwait(false))
        {
            var category = binding.FindColumn("category") is { } c ? GraphQLValueNormalizer.Normalize(c, node[c.Field]).Text : null;
            var action = SqlActionJson.Read(node, idField, depsField) with { Category = category };
            if (action.Category is not null && excludeCategories.Contains(action.Category)) continue;
            yield return action;
        }
    }
}
