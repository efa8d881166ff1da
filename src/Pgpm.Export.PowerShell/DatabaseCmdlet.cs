using System.Management.Automation;
using Pgpm.Export.Commands;
using Pgpm.Export.PowerShell.Completers;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// A cmdlet that reads one database of its source, given by -DatabaseId (or piped: a database from Get-ExportDatabase,
/// Import-Clixml or a [pscustomobject] binds by its DatabaseId or Id) or by -Database (its name), resolved as
/// Export-PgpmProject resolves it (<see cref="DatabaseChoice"/>).
/// </summary>
public abstract class DatabaseCmdlet : SourceCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(DatabaseIdCompleter))]
    public Guid? DatabaseId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(DatabaseNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Database { get; set; }

    internal DatabaseChoice Chosen => new(DatabaseId, Database);
}
