using Pgpm.Export.Errors;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.SqlActions;

/// <summary>
/// What every sql_actions reader checks of the rows it yields, in the order they come: ids rise (the plan's order is
/// the id order, spec "database package"), and rows of an excluded category are left out.
/// </summary>
internal sealed class SqlActionStream(IReadOnlyCollection<string> excludeCategories)
{
    private long? _last;

    /// <summary>The last id seen; null before the first row.</summary>
    public long? Last => _last;

    /// <returns>Whether the row belongs in the export (its category is not excluded).</returns>
    /// <param name="where">Endpoint, field and page, for the error when the id does not rise.</param>
    public bool Accept(SqlAction action, string where)
    {
        if (_last is not null && action.Id <= _last)
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLSqlActionsOutOfOrder,
                $"{where} returned sql_actions row {action.Id} after row {_last}; rows must come in id order. Update the server's "
                    + $"plugin, or order the connection by its primary key."
            );
        _last = action.Id;
        return action.Category is null || !excludeCategories.Contains(action.Category);
    }
}
