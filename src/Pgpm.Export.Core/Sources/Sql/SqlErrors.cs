using System.Net.Sockets;
using Npgsql;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.Sql;

/// <summary>Turns Npgsql failures into export errors that name the server and say what to do.</summary>
internal static class SqlErrors
{
    /// <summary>
    /// The export error for <paramref name="error"/>, naming <paramref name="server"/> as what failed unless it names something
    /// more specific.
    /// </summary>
    public static ExportException Translate(Exception error, string server, string doing) =>
        TranslateUntargeted(error, server, doing).WithTarget(server);

    private static ExportException TranslateUntargeted(Exception error, string server, string doing)
    {
        switch (error)
        {
            case ExportException export:
                return export;
            case PostgresException { SqlState: "28P01" or "28000" } pg:
                return new ExportException(
                    ExportErrorKind.Authentication,
                    ErrorId.SqlAuthenticationFailed,
                    $"PostgreSQL at {server} refused the login ({pg.MessageText.Replace("\"", "'")}). "
                        + "Check the user name and password in the connection string.",
                    error
                );
            case PostgresException { SqlState: "3D000" } pg:
                return new ExportException(
                    ExportErrorKind.NotFound,
                    ErrorId.SqlDatabaseNotFound,
                    $"PostgreSQL at {server}: {pg.MessageText}. Check the Database part of the connection string.",
                    error
                );
            case PostgresException { SqlState: "42501" } pg:
                return new ExportException(
                    ExportErrorKind.Authentication,
                    ErrorId.SqlPermissionDenied,
                    $"PostgreSQL at {server} denied access while {doing}: {pg.MessageText}. Grant SELECT on it to the exporting role.",
                    error
                );
            case PostgresException { SqlState: "57014" } pg:
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlStatementCancelled,
                    $"PostgreSQL at {server} cancelled the statement while {doing} ({pg.MessageText}); "
                        + "a statement_timeout may be too short for this table.",
                    error
                );
            case PostgresException { SqlState: var state } pg
                when state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal):
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlConnectionLost,
                    $"PostgreSQL at {server} ended the session while {doing} ({pg.MessageText}). "
                        + "Nothing was written; run the export again.",
                    error
                );
            case PostgresException pg:
                return new ExportException(
                    ExportErrorKind.Protocol,
                    ErrorId.SqlQueryFailed,
                    $"PostgreSQL at {server} failed while {doing}: {pg.MessageText} (SQLSTATE {pg.SqlState}).",
                    error
                );
            case NpgsqlException { InnerException: SocketException socket }:
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlUnreachable,
                    $"Cannot reach PostgreSQL at {server} ({socket.SocketErrorCode}). Check host and port, and that the server is running.",
                    error
                );
            case NpgsqlException { InnerException: EndOfStreamException }:
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlConnectionLost,
                    $"PostgreSQL at {server} closed the connection while {doing} (the server stopped, or the session was terminated). "
                        + "Nothing was written; run the export again.",
                    error
                );
            case NpgsqlException { InnerException: TimeoutException or IOException }:
            case NpgsqlException when error.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase):
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlConnectionLost,
                    $"The connection to PostgreSQL at {server} failed while {doing}: {error.Message}. "
                        + "Nothing was written; run the export again.",
                    error
                );
            case NpgsqlException:
                return new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.SqlConnectionFailed,
                    $"The connection to PostgreSQL at {server} failed while {doing}: {error.Message}",
                    error
                );
            default:
                return new ExportException(
                    ExportErrorKind.Protocol,
                    ErrorId.SqlUnexpected,
                    $"Unexpected failure reading PostgreSQL at {server} while {doing}: {error.Message}",
                    error
                );
        }
    }
}
