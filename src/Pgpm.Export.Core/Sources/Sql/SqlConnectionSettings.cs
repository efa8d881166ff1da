using System.Globalization;
using Npgsql;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// What a connection string says: checked before anything connects, so that a mistake is named without repeating a
/// value (which may be a password), turned into the pooled data source every connection of a source comes from, and
/// described for messages.
/// </summary>
internal static class SqlConnectionSettings
{
    private const string Expected =
        "it must be 'Key=Value' pairs separated by ';' with keys such as Host, Port, Database, Username, Password";

    /// <summary>
    /// Parses the connection string and builds the data source in the invariant culture: Npgsql converts each value with
    /// the current culture, and where the negative sign is not ASCII '-' (ICU's he-IL, ar-SA, fa-IR add a direction
    /// mark) a '-1' (ours below, or the user's) failed to parse.
    /// </summary>
    public static (NpgsqlDataSource DataSource, string Description) BuildDataSource(string connectionString)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var builder = Parse(connectionString);
            var description = Describe(builder);
            SqlSessionSettings.Apply(builder);
            // A cancelled read (Ctrl+C, a failure elsewhere) breaks its connection at once instead of waiting up to 2 s for
            // the server to confirm the cancel, which it does not while blocked sending rows the export stopped reading.
            builder.CancellationTimeout = -1;
            return (new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), description);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConnectionStringMissing,
                "No connection string was given. Pass one like 'Host=localhost;Port=5432;Database=constructive;Username=postgres'."
            );
        NpgsqlConnectionStringBuilder builder;
        try
        {
            // Key names are safe to repeat (never values, which may hold a password); the generic parser gives them
            // with their quoting resolved, so a fragment of a quoted value is never taken for a key.
            var known = new NpgsqlConnectionStringBuilder();
            var unknown = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }
                .Keys.Cast<string>()
                .FirstOrDefault(key => !known.ContainsKey(key));
            if (unknown is not null)
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.ConnectionStringInvalid,
                    $"The connection string has the key '{unknown}', which Npgsql does not know: {Expected}."
                );
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (KeyNotFoundException)
        {
            // Npgsql removes a key given an empty value, and fails on one it does not know.
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConnectionStringInvalid,
                $"The connection string has a key with an empty value that Npgsql does not know: {Expected}."
            );
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message can quote part of the string, which may hold a password: say only what kind of thing is wrong.
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConnectionStringInvalid,
                $"The connection string is not valid: {Expected}."
            );
        }
        if (string.IsNullOrWhiteSpace(builder.Host) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PGHOST")))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConnectionStringInvalid,
                "The connection string names no Host (and PGHOST is not set): "
                    + "add Host=<server> (and Port, Database, Username as needed)."
            );
        return builder;
    }

    /// <summary>The server and database for messages, as a URL without the password.</summary>
    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        return $"postgresql://{user}{host}:{builder.Port}/{builder.Database}";
    }
}
