using Pgpm.Export.Model;

namespace Pgpm.Export.Exporting;

/// <summary>
/// Progress of an export, as the engine reports it to an <see cref="IProgress{T}"/> (the cmdlet's Write-Progress, a
/// command line's display): <see cref="TablesPlanned"/> once the tables to read are known, <see cref="TableProgress"/>
/// as rows are written, <see cref="RateLimitWait"/> while the server makes every request wait.
/// </summary>
public abstract record ExportProgress;

/// <summary>
/// Tables this export will read, each later reported <see cref="TableProgress.Completed"/> (with 0 rows when it has none
/// for the database): sql_actions and the meta tables the source has, in one report before any table's progress.
/// </summary>
public sealed record TablesPlanned(IReadOnlyList<TableRef> Tables) : ExportProgress;

/// <summary>A table being read: how many of its rows are written so far (every thousand rows, and when it is done).</summary>
public sealed record TableProgress(TableRef Table, long Rows, bool Completed) : ExportProgress;

/// <summary>
/// The server answered HTTP 429 Too Many Requests while <paramref name="Doing"/>: every request to
/// <paramref name="Endpoint"/> now waits <paramref name="Wait"/> (its Retry-After) before the reads go on.
/// </summary>
public sealed record RateLimitWait(string Endpoint, TimeSpan Wait, string Doing) : ExportProgress;
