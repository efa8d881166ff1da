using System.Management.Automation;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;

namespace Pgpm.Export.PowerShell;

/// <summary>The engine's errors as PowerShell error records: the stable id and the category its kind stands for.</summary>
internal static class ErrorRecords
{
    /// <summary>
    /// The record for an engine error, its message in the cmdlets' vocabulary (<see cref="OptionName.Render"/>:
    /// <c>-Token</c>, not <c>--token</c>) and its TargetObject the thing that failed.
    /// </summary>
    public static ErrorRecord From(CommandError error)
    {
        var message = OptionName.Render(error.Message, Vocabulary.PowerShell);
        Exception exception = error.Exception is ExportException export
            ? new ExportException(export.Kind, export.ErrorId, message, export.InnerException).WithTarget(export.Target)
            : error.Exception ?? new ExportException(error.Kind, error.ErrorId, message);
        return new ErrorRecord(exception, error.ErrorId, CategoryOf(error.Kind), error.Target) { ErrorDetails = new ErrorDetails(message) };
    }

    public static ErrorCategory CategoryOf(ExportErrorKind kind) =>
        kind switch
        {
            ExportErrorKind.Connection => ErrorCategory.ConnectionError,
            ExportErrorKind.Authentication => ErrorCategory.AuthenticationError,
            ExportErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            ExportErrorKind.InvalidData => ErrorCategory.InvalidData,
            ExportErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ExportErrorKind.Write => ErrorCategory.WriteError,
            ExportErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
            ExportErrorKind.Protocol => ErrorCategory.ProtocolError,
            ExportErrorKind.Unavailable => ErrorCategory.ResourceUnavailable,
            _ => ErrorCategory.NotSpecified,
        };

    public static ErrorRecord Argument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
}
