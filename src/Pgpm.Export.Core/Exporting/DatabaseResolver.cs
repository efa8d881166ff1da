using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Exporting;

/// <summary>Finds the database an export is about, by id or by name, with errors that list what exists.</summary>
public static class DatabaseResolver
{
    /// <summary>The database with the id, or else the one with the name (exactly one must be given).</summary>
    /// <exception cref="ExportException">DatabaseGivenTwice, DatabaseNotGiven, DatabaseNameAmbiguous (InvalidArgument); DatabaseNotFound
    /// (NotFound).</exception>
    public static async Task<DatabaseInfo> ResolveAsync(IExportSource source, Guid? id, string? name, CancellationToken cancellationToken)
    {
        RefuseBoth(id, name);
        if (id is { } databaseId)
        {
            var found = await source.GetDatabaseAsync(databaseId, cancellationToken).ConfigureAwait(false);
            if (found is null)
                throw new ExportException(
                    ExportErrorKind.NotFound,
                    ErrorId.DatabaseNotFound,
                    $"No database has the id {databaseId} in metaschema_public.database at {source.Description}. "
                        + $"{await AvailableAsync(source, cancellationToken).ConfigureAwait(false)}"
                ).WithTarget(databaseId);
            return found;
        }
        if (string.IsNullOrEmpty(name))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.DatabaseNotGiven,
                $"Say which database, by name ({OptionName.Database}) or id ({OptionName.DatabaseId}). "
                    + $"{await AvailableAsync(source, cancellationToken).ConfigureAwait(false)}"
            );

        var all = await source.ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        var matches = all.Where(d => d.Name == name).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ExportException(
                ExportErrorKind.NotFound,
                ErrorId.DatabaseNotFound,
                $"No database is named '{name}' in metaschema_public.database at {source.Description}. {DescribeAvailable(all)}"
            ).WithTarget(name),
            _ => throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.DatabaseNameAmbiguous,
                $"{matches.Count} databases are named '{name}' ({string.Join(", ", matches.Select(m => m.Id))}); give the id instead."
            ).WithTarget(name),
        };
    }

    /// <summary>Refuses a database given both by id and by name (even when they agree), before any source is opened.</summary>
    /// <exception cref="ExportException">DatabaseGivenTwice (InvalidArgument), naming both options.</exception>
    public static void RefuseBoth(Guid? id, string? name)
    {
        if (id is not null && name is not null)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.DatabaseGivenTwice,
                $"Give the database by {OptionName.Database} ('{name}') or by {OptionName.DatabaseId} ({id}), not both."
            );
    }

    private static async Task<string> AvailableAsync(IExportSource source, CancellationToken cancellationToken) =>
        DescribeAvailable(await source.ListDatabasesAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The sentence every "no such database" error ends with: the databases there are (up to 20, name and id), or that there are
    /// none.</summary>
    public static string DescribeAvailable(IReadOnlyList<DatabaseInfo> all) =>
        all.Count == 0
            ? "The source has no databases (or the credentials see none)."
            : "Available: "
                + string.Join(", ", all.Take(20).Select(d => $"{d.Name} ({d.Id})"))
                + (all.Count > 20 ? $", and {all.Count - 20} more." : ".");
}
