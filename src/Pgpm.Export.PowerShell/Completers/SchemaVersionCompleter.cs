using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>Completes -SchemaVersion of Export-PgpmProject with the built-in schema versions.</summary>
public sealed class SchemaVersionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) => Completion.SchemaVersions(wordToComplete.Trim('\'', '"')).Select(CompletionText.Result);
}
