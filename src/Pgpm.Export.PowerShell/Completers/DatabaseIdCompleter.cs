using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>
/// Completes -DatabaseId with the ids of the source's databases whose id or name starts with the word typed, so
/// <c>-DatabaseId pets&lt;Tab&gt;</c> inserts the id of the database named pets; the list shows each name.
/// </summary>
public sealed class DatabaseIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        CompletionSource.Complete(fakeBoundParameters, $"DatabaseId\u0000{wordToComplete}", async (source, ct) =>
            (await Completion.DatabasesAsync(source, CompletionSource.Word(wordToComplete), ct).ConfigureAwait(false)).Select(
                d => new CompletionResult(
                    d.Id.ToString(),
                    $"{d.Name} ({d.Id})",
                    CompletionResultType.ParameterValue,
                    string.IsNullOrEmpty(d.Label) ? d.Name : d.Label
                )
            )
        );
}
