using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands;

/// <summary>Get-ExportDatabase: the source's databases, all or those matching the given names.</summary>
public static class DatabaseQuery
{
    public static async Task RunAsync(
        PgpmExportSource source,
        IReadOnlyList<string>? names,
        ICommandOutput output,
        CancellationToken cancellationToken
    )
    {
        var all = await source.Inner.ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        var patterns = (names ?? []).Select(n => new NamePattern(n)).ToList();
        foreach (var database in all)
            if (patterns.Count == 0 || patterns.Any(p => p.Matches(database.Name)))
                await output.WriteObjectAsync(database, cancellationToken).ConfigureAwait(false);
        foreach (var missing in patterns.Where(p => !p.HasWildcards && !all.Any(d => p.Matches(d.Name))))
            output.WriteError(
                new CommandError(
                    ErrorId.DatabaseNotFound,
                    ExportErrorKind.NotFound,
                    $"No database is named '{missing.Text}' in metaschema_public.database at {source.Description}. "
                        + $"{DatabaseResolver.DescribeAvailable(all)}",
                    missing.Text
                )
            );
    }
}
