using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>Completes -Database / -Name with the database names of the source on the command line (<see
/// cref="CompletionSource"/>).</summary>
public sealed class DatabaseNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        CompletionSource.Complete(fakeBoundParameters, $"Database\u0000{wordToComplete}", async (source, ct) =>
            (await Completion.DatabasesAsync(source, CompletionSource.Word(wordToComplete), ct).ConfigureAwait(false))
                .Select(d => d.Name)
                .Distinct()
                .Select(CompletionText.Result)
        );
}
