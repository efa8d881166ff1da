using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>Completes -Name of Get-ExportTable with the manifest's table names.</summary>
public sealed class TableNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) => Completion.TableNames(wordToComplete.Trim('\'', '"')).Select(CompletionText.Result);
}
