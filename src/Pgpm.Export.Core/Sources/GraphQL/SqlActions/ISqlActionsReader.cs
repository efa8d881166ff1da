using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>One way of reading db_migrate.sql_actions over GraphQL; rows come in id order.</summary>
internal interface ISqlActionsReader
{
    /// <summary>Which endpoint and field the rows come from, for verbose output.</summary>
    string Origin { get; }

    /// <summary>Whether categories can be left out: the server takes them as an argument, or rows say their category.</summary>
    bool CanExcludeCategories { get; }

    /// <summary>Whether each row says its category (the category field is selected), so the categories the database has
    /// can be listed.</summary>
    bool ShowsCategories { get; }

    IAsyncEnumerable<SqlAction> ReadAsync(
        Guid databaseId,
        IReadOnlyCollection<string> excludeCategories,
        CancellationToken cancellationToken
    );
}
