using System.Runtime.CompilerServices;
using Pgpm.Export.Model;
using Pgpm.Export.Sources.GraphQL.Binding;
using Pgpm.Export.Sources.GraphQL.Paging;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// sql_actions from a Relay connection, paged with cursors like any table: the db_migrate.sql_actions connection of
/// an API that exposes that schema (<c>allDbMigrateSqlActions</c>, <c>sqlActions</c>…), or a root field such as
/// <c>exportSqlActions(databaseId)</c> that returns one. Rows come in id order when the connection can be ordered by
/// its primary key (and must then rise); otherwise they are all read and put in id order here. Categories are
/// excluded here, from each row's category.
/// </summary>
internal sealed class ConnectionSqlActionsReader(
    GraphQLClient client,
    GraphQLTableBinding binding,
    SqlActionFields fields,
    PageSizeCeiling ceiling
) : ISqlActionsReader
{
    private readonly ConnectionPager _pager = new(client, ceiling);

    public string Origin =>
        binding.FilterStyle == DatabaseFilterStyle.Argument
            ? $"the root field {binding.ConnectionField} of {client.Endpoint}"
            : $"the {binding.Table} connection {binding.ConnectionField} of {client.Endpoint}";

    public bool CanExcludeCategories => fields.HasCategory;

    public bool ShowsCategories => fields.HasCategory;

    public async IAsyncEnumerable<SqlAction> ReadAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var where = $"{client.Endpoint} ({binding.ConnectionField})";
        var stream = new SqlActionStream(excludeCategories);
        await foreach (var action in InIdOrderAsync(databaseId, where, cancellationToken).ConfigureAwait(false))
            if (stream.Accept(action, where))
                yield return action;
    }

    private async IAsyncEnumerable<SqlAction> InIdOrderAsync(
        Guid databaseId,
        string where,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        if (binding.OrderBy is not null)
        {
            await foreach (var action in ReadAllAsync(databaseId, where, cancellationToken).ConfigureAwait(false))
                yield return action;
            yield break;
        }
        var all = new List<SqlAction>();
        await foreach (var action in ReadAllAsync(databaseId, where, cancellationToken).ConfigureAwait(false))
            all.Add(action);
        foreach (var action in all.OrderBy(a => a.Id))
            yield return action;
    }

    private async IAsyncEnumerable<SqlAction> ReadAllAsync(
        Guid databaseId,
        string where,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await foreach (
            var action in _pager
                .NodesAsync(binding, fields.Columns, databaseId, node => fields.Read(node, where), cancellationToken)
                .ConfigureAwait(false)
        )
            yield return action;
    }
}
