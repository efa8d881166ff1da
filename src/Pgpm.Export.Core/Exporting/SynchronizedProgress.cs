namespace Pgpm.Export.Exporting;

/// <summary>
/// Passes progress reports on one at a time, for a receiver that concurrent table reads share, and gives it the whole
/// plan first: the packages' <see cref="TablesPlanned"/> reports are gathered into one, and table reports wait until
/// every package has said its plan, so a receiver never shows a total that is about to grow ("1 of 1 table done"
/// while the meta tables are still being described). Rate-limit waits pass at once.
/// </summary>
/// <param name="plans">How many packages report a plan (each exactly once, an empty one when it reads nothing).</param>
internal sealed class SynchronizedProgress(IProgress<ExportProgress> inner, int plans) : IProgress<ExportProgress>
{
    private readonly object _gate = new();
    private readonly List<Model.TableRef> _planned = [];
    private readonly List<ExportProgress> _waiting = [];
    private int _plansMissing = plans;

    public void Report(ExportProgress value)
    {
        lock (_gate)
        {
            if (_plansMissing == 0 || value is RateLimitWait)
            {
                inner.Report(value);
                return;
            }
            if (value is not TablesPlanned plan)
            {
                _waiting.Add(value);
                return;
            }
            _planned.AddRange(plan.Tables);
            if (--_plansMissing > 0)
                return;
            inner.Report(new TablesPlanned(_planned.ToList()));
            foreach (var waiting in _waiting)
                inner.Report(waiting);
            _waiting.Clear();
        }
    }
}
