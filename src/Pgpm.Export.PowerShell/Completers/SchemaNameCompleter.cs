using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>Completes -Schema with the schema names of the database on the command line (-DatabaseId or -Database).</summary>
public sealed class SchemaNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        CompletionSource.CompleteForDatabase(fakeBoundParameters, $"Schema\u0000{wordToComplete}", (source, databaseId, ct) =>
            Completion.SchemaNamesAsync(source, databaseId, CompletionSource.Word(wordToComplete), ct)
        );
}
