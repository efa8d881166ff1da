using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// A cmdlet that reads one database of its source, given by -DatabaseId (or piped: a database from Get-ExportDatabase,
/// Import-Clixml or a [pscustomobject] binds by its DatabaseId or Id; a row by its database_id) or by -Database (its name), resolved as
/// Export-PgpmProject resolves it (<see cref="DatabaseChoice"/>).
/// </summary>
public abstract class DatabaseCmdlet : SourceCmdlet
{
    /// <remarks>
    /// PowerShell binds a piped object by the parameter's name, then by each alias in the order given: a row's own
    /// database_id comes before Id, which is a database object's (and a database row's) and a row's own key otherwise.
    /// </remarks>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("database_id", "Id")]
    [ArgumentCompleter(typeof(DatabaseIdCompleter))]
    public Guid? DatabaseId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DatabaseNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    internal DatabaseChoice Chosen => new(DatabaseId, Database);
}
