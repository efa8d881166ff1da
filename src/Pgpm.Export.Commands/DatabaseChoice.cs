using Pgpm.Export.Exporting;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands;

/// <summary>
/// The database a command reads, as given: by id (-DatabaseId, or piped) or by name (-Database), never both. Resolved
/// the same way for every command (<see cref="DatabaseResolver"/>): the same errors as Export-PgpmProject, each naming
/// what exists. A bare id converts to a choice by id.
/// </summary>
public readonly record struct DatabaseChoice(Guid? Id, string? Name)
{
    public static implicit operator DatabaseChoice(Guid id) => new(id, null);

    /// <summary>The database chosen.</summary>
    /// <exception cref="Errors.ExportException">DatabaseGivenTwice, DatabaseNotGiven, DatabaseNameAmbiguous (InvalidArgument);
    /// DatabaseNotFound (NotFound, the id or name as Target).</exception>
    internal Task<DatabaseInfo> ResolveAsync(PgpmExportSource source, CancellationToken cancellationToken) =>
        DatabaseResolver.ResolveAsync(source.Inner, Id, Name, cancellationToken);
}
