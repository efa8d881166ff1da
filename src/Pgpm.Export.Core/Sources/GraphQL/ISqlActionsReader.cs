using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>One way of reading db_migrate.sql_actions over GraphQL.</summary>
internal interface ISqlActionsReader
{
    string Origin { get; }
    IAsyncEnumerable<SqlAction> ReadAsync(Guid databaseId, IReadOnlyCollection<string> excludeCategories, CancellationToken cancellationToken);
}
