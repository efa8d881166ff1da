namespace Pgpm.Export.Errors;

/// <summary>
/// An export failure with a message meant for the user: it names the thing that is wrong and, where
/// there is one, the fix. <see cref="ErrorId"/> is stable, for scripts and PowerShell error records.
/// Messages never contain a token or a password. A message names options through <see cref="OptionName"/>, so
/// each front end shows them in its own vocabulary. <see cref="Target"/> is the thing that failed (the endpoint,
/// the server, the database, the table), for PowerShell's TargetObject.
/// </summary>
public sealed class ExportException : Exception
{
    public ExportException(ExportErrorKind kind, string errorId, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        ErrorId = errorId;
    }

    public ExportErrorKind Kind { get; }
    public string ErrorId { get; }

    /// <summary>What failed: an endpoint <see cref="Uri"/>, a server's name, a database's name or id, a table's name.</summary>
    public object? Target { get; private set; }

    /// <summary>Names what failed unless something more specific was named already (the innermost raiser knows best).</summary>
    public ExportException WithTarget(object? target)
    {
        Target ??= target;
        return this;
    }
}
