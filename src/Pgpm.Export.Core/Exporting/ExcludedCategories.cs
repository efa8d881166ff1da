using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Exporting;

/// <summary>
/// The sql_actions categories to leave out (<see cref="ExportOptions.ExcludeCategories"/>), checked against the categories
/// the database's rows have before anything is read or written: a category no row has is almost always a typo, and
/// exporting anyway would silently keep the rows the user meant to leave out. Used by the export and by Get-ExportSqlAction.
/// </summary>
public static class ExcludedCategories
{
    /// <summary>How many of the database's categories an error lists before "…".</summary>
    private const int Listed = 20;

    /// <exception cref="ExportException"><c>CategoryUnknown</c> (InvalidArgument): a category to exclude that no sql_actions row of the
    /// database has; the message names it and lists the categories there are.</exception>
    public static async Task CheckAsync(
        IExportSource source,
        DatabaseInfo database,
        IReadOnlyCollection<string> excluded,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        if (excluded.Count == 0 || !(await source.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false)).Available)
            return;
        var categories = await source.GetSqlActionCategoriesAsync(database.Id, cancellationToken).ConfigureAwait(false);
        if (categories is null)
        {
            log.Warning(
                $"Could not check the categories to exclude ({OptionName.ExcludeCategories}) against the database's: "
                    + "its sql_actions rows do not say their category here, so a misspelt category would leave its rows in."
            );
            return;
        }
        var unknown = excluded.Where(c => !categories.Contains(c)).Distinct().ToList();
        if (unknown.Count == 0)
            return;
        var have =
            categories.Count == 0
                ? "it has no categorised rows"
                : $"its categories are {string.Join(", ", categories.Take(Listed).Select(c => $"'{c}'"))}"
                    + $"{(categories.Count > Listed ? $" and {categories.Count - Listed} more" : "")}";
        throw new ExportException(
            ExportErrorKind.InvalidArgument,
            ErrorId.CategoryUnknown,
            $"No sql_actions row of the database {database.Name} has the {(unknown.Count == 1 ? "category" : "categories")} "
                + $"{string.Join(", ", unknown.Select(c => $"'{c}'"))} "
                + $"given to {OptionName.ExcludeCategories} ({have}; categories are compared exactly, case included). "
                + $"Nothing was read or written: correct or drop {(unknown.Count == 1 ? "it" : "them")}."
        ).WithTarget(unknown.Count == 1 ? unknown[0] : unknown);
    }
}
