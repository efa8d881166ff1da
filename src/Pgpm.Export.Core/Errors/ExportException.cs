namespace Pgpm.Export.Errors;

/// <summary>
/// An export failure with a message meant for the user: it names the thing that is wrong and, where
/// there is one, the fix. <see cref="ErrorId"/> is stable, for scripts and PowerShell error records.
/// Messages never contain a token or a password.
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
}
