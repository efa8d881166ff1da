using Pgpm.Export.Sources;

namespace Pgpm.Export.Commands;

/// <summary>
/// An open source for the cmdlets: made once by New-PgpmExportSource and passed with -Source to many
/// commands, or made and closed by a single command. Shows where it reads from, never a secret.
/// </summary>
public sealed class PgpmExportSource : IDisposable
{
    private readonly IExportSource _source;
    private bool _disposed;

    internal PgpmExportSource(IExportSource source, string kind, IReadOnlyList<string>? openingWarnings = null)
    {
        _source = source;
        Kind = kind;
        Description = source.Description;
        OpeningWarnings = openingWarnings ?? [];
    }

    /// <summary><c>Sql</c> or <c>GraphQL</c>.</summary>
    public string Kind { get; }

    /// <summary>The host and database, or the endpoint.</summary>
    public string Description { get; }

    public bool IsOpen => !_disposed;

    /// <summary>
    /// The warnings the source gave when it was opened (an API that refuses introspection, a certificate check
    /// switched off…): they hold for every read through it, so each command given this source repeats them, once.
    /// Raw engine messages, with <c>{option:…}</c> placeholders (<see cref="Errors.OptionName.Render"/>).
    /// </summary>
    internal IReadOnlyList<string> OpeningWarnings { get; }

    internal IExportSource Inner =>
        _disposed
            // No object name: ObjectDisposedException would add it to the message as a line of its own ("Object name: …").
            ? throw new ObjectDisposedException(
                objectName: null,
                $"The source {Description} was closed (disposed); make a new one with New-PgpmExportSource."
            )
            : _source;

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _source.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public override string ToString() => $"{Kind} {Description}";
}
