using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// A cmdlet that reads from a source: one made by New-PgpmExportSource (-Source, left open for the
/// caller), or one it opens from -GraphQLEndpoint / -ConnectionString for this call and closes at the end.
/// </summary>
public abstract class SourceCmdlet : EndpointCmdlet, IDisposable
{
    private PgpmExportSource? _owned;

    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Source)]
    [ValidateNotNull]
    public PgpmExportSource Source { get; set; } = null!;

    internal PgpmExportSource OpenedSource => ParameterSetName == ParameterSets.Source ? Source : _owned!;

    /// <summary>
    /// Opens the source for this call, which says its own warnings; or, for a -Source object, repeats the warnings it
    /// gave when New-PgpmExportSource opened it, so a runbook capturing warnings per command sees them on the command
    /// that reads (a source that cannot see everything must say so wherever it is read).
    /// </summary>
    protected override void BeginProcessing()
    {
        if (ParameterSetName == ParameterSets.Source)
        {
            if (Source.IsOpen)
                foreach (var warning in Source.OpeningWarnings)
                    WriteWarning(OptionName.Render(warning, Vocabulary.PowerShell));
            return;
        }
        var request = BuildRequest();
        _owned = Run((output, ct) => SourceOpener.OpenAsync(request, new CommandLog(output), ct));
    }

    protected override void EndProcessing() => Dispose();

    public void Dispose()
    {
        _owned?.Dispose();
        _owned = null;
        GC.SuppressFinalize(this);
    }
}
