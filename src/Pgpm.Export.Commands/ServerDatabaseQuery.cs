using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Commands;

/// <summary>The PostgreSQL server's databases (not templates, not postgres), by name: where a Constructive database may live.</summary>
public static class ServerDatabaseQuery
{
    /// <param name="serverOption">How the host names the option that asked for this, for the error over GraphQL.</param>
    public static async Task RunAsync(
        PgpmExportSource source,
        string serverOption,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        if (source.Inner is not SqlExportSource sql)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ServerListNeedsSql,
                $"{serverOption} lists a PostgreSQL server's databases; it needs {OptionName.ConnectionStringAlone}."
            );
        foreach (var name in await sql.ListServerDatabasesAsync(cancellationToken).ConfigureAwait(false))
            await output.WriteObjectAsync(name, cancellationToken).ConfigureAwait(false);
    }
}
