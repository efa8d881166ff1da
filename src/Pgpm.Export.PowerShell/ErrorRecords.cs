using System.Management.Automation;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;

namespace Pgpm.Export.PowerShell;

/// <summary>The engine's errors as PowerShell error records: the stable id and the category its kind stands for.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(CommandError error) =>
        new(error.Exception ?? new ExportException(error.Kind, error.ErrorId, error.Message), error.ErrorId, CategoryOf(error.Kind), error.Target);

    public static ErrorCategory CategoryOf(ExportErrorKind kind) => kind switch
    {
        ExportErrorKind.Connection => ErrorCategory.ConnectionError,
        ExportErrorKind.Authentication => ErrorCategory.AuthenticationError,
        ExportErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ExportErrorKind.InvalidData => ErrorCategory.InvalidData,
        ExportErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ExportErrorKind.Write => ErrorCategory.WriteError,
        ExportErrorKind.Protocol => ErrorCategory.ProtocolError,
        ExportErrorKind.Unavailable => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    public static ErrorRecord Argument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
}
