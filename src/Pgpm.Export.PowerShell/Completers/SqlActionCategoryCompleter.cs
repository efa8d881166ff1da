using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>
/// Completes -ExcludeCategory with the categories of the db_migrate.sql_actions rows of the database on the command
/// line. Over SQL only the distinct categories are asked for; over GraphQL the rows are read within the completion's
/// time limit (the API offers no distinct query), so a very large database may complete nothing there.
/// </summary>
public sealed class SqlActionCategoryCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        CompletionSource.CompleteForDatabase(fakeBoundParameters, $"ExcludeCategory\u0000{wordToComplete}", (source, databaseId, ct) =>
            Completion.SqlActionCategoriesAsync(source, databaseId, CompletionSource.Word(wordToComplete), ct)
        );
}
