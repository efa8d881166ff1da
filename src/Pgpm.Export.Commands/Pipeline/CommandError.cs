using Pgpm.Export.Errors;

namespace Pgpm.Export.Commands.Pipeline;

/// <summary>
/// An error as a cmdlet reports it: a stable id, what kind of failure (the cmdlet maps it to an
/// ErrorCategory), the message, and the item it is about.
/// </summary>
public sealed record CommandError(string ErrorId, ExportErrorKind Kind, string Message, object? Target = null, Exception? Exception = null)
{
    public static CommandError From(ExportException exception, object? target = null) =>
        new(exception.ErrorId, exception.Kind, exception.Message, target ?? exception.Target, exception);

    /// <summary>
    /// Whether the error is about one input item, so the cmdlet reports it and goes on with the next:
    /// a database or table that does not exist, or a row that cannot be used. Anything about the source
    /// itself or the output stops the command.
    /// </summary>
    public bool IsPerItem => Kind is ExportErrorKind.NotFound or ExportErrorKind.InvalidData;
}
