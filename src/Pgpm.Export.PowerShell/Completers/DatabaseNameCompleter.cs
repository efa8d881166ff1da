using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pgpm.Export.Commands;
using Pgpm.Export.Logging;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>
/// Completes -Database / -Name with the database names of the source already on the command line
/// (-Source, -ConnectionString, or -GraphQLEndpoint with $env:PGPM_EXPORT_TOKEN). A source that does not
/// answer within a few seconds completes nothing rather than hanging the prompt.
/// </summary>
public sealed class DatabaseNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return NamesAsync(fakeBoundParameters, wordToComplete.Trim('\'', '"'), timeout.Token).GetAwaiter().GetResult().Select(CompletionText.Result).ToList();
        }
        catch (Exception)
        {
            // Completion must never throw at the prompt; no source, no answer.
            return [];
        }
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(IDictionary bound, string word, CancellationToken cancellationToken)
    {
        if (Bound(bound, "Source") is PgpmExportSource given)
            return await Completion.DatabaseNamesAsync(given, word, cancellationToken).ConfigureAwait(false);
        SourceRequest? request = null;
        if (Bound(bound, "ConnectionString") is string connectionString)
            request = new SourceRequest { ConnectionString = connectionString };
        else if (Bound(bound, "GraphQLEndpoint") is { } endpoint)
            request = new SourceRequest { GraphQLEndpoint = endpoint.ToString() };
        if (request is null) return [];
        using var source = await SourceOpener.OpenAsync(request, NullExportLog.Instance, cancellationToken).ConfigureAwait(false);
        return await Completion.DatabaseNamesAsync(source, word, cancellationToken).ConfigureAwait(false);
    }

    private static object? Bound(IDictionary bound, string name) => bound.Contains(name) ? bound[name] is PSObject p ? p.BaseObject : bound[name] : null;
}
