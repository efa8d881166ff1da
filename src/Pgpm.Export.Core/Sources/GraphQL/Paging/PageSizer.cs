namespace Pgpm.Export.Sources.GraphQL.Paging;

/// <summary>
/// The page size for one stream of pages: as large as the ceiling allows, but fitted after each page to the
/// rows' size so that a page's answer stays near <see cref="TargetBytes"/>. Wide rows (multi-kilobyte
/// sql_actions, big JSON) get smaller pages, which bounds memory; narrow rows get the fewest round trips.
/// </summary>
internal sealed class PageSizer(PageSizeCeiling ceiling, int? first = null)
{
    public const long TargetBytes = 4L * 1024 * 1024;

    private int? _fitted = first;

    public int Next => Math.Max(1, Math.Min(_fitted ?? int.MaxValue, ceiling.Value));

    public void Observed(int rows, long bytes)
    {
        if (rows == 0)
            return;
        var perRow = Math.Max(1, bytes / rows);
        _fitted = (int)Math.Clamp(TargetBytes / perRow, 1, int.MaxValue);
    }
}
