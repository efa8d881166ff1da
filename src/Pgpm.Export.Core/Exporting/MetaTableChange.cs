using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Exporting;

/// <summary>
/// One meta table's change in the service package, <c>migrate/&lt;table&gt;</c>, while tables are read at once:
/// whether it has rows becomes known as soon as its first row arrives (or its rows end), which is all a later
/// table needs to name the change it depends on.
/// </summary>
internal sealed class MetaTableChange(TableRef table, ManifestTable? entry)
{
    private readonly TaskCompletionSource<bool> _hasRows = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TableRef Table => table;
    public ManifestTable? Entry => entry;
    public string Name { get; } = "migrate/" + table.Name;
    public long Rows { get; set; }

    public Task<bool> HasRows => _hasRows.Task;

    public void Found(bool hasRows) => _hasRows.TrySetResult(hasRows);

    public void Failed(Exception exception) => _hasRows.TrySetException(exception);
}
