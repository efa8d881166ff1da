using Pgpm.Export.Model;

namespace Pgpm.Export.Sources;

/// <summary>The distinct categories of sql_actions rows, for a source that cannot ask for them alone.</summary>
public static class SqlActionCategories
{
    /// <summary>Reads every action once and returns its non-NULL categories, distinct, in ordinal order.</summary>
    public static async Task<IReadOnlyCollection<string>> CollectAsync(
        IAsyncEnumerable<SqlAction> actions,
        CancellationToken cancellationToken
    )
    {
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var action in actions.WithCancellation(cancellationToken).ConfigureAwait(false))
            if (action.Category is { } category)
                categories.Add(category);
        return categories;
    }
}
