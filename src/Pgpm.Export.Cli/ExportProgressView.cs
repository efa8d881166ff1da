using System.Globalization;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pgpm.Export.Cli;

/// <summary>
/// What the live display shows, kept from the engine's <see cref="ExportProgress"/> reports (the same ones the cmdlet
/// turns into Write-Progress): tables done of the tables planned, rows so far overall and per table being read, and
/// while a <see cref="RateLimitWait"/> lasts, the wait, the endpoint and what the export was doing. Reports arrive
/// from concurrent reads; <see cref="Render"/> may run on another thread.
/// </summary>
internal sealed class ExportProgressView(TimeProvider clock) : IProgress<ExportProgress>
{
    private readonly object _gate = new();
    private readonly List<TableRef> _planned = [];
    private readonly Dictionary<TableRef, (long Rows, bool Completed)> _tables = [];
    private (RateLimitWait Wait, DateTimeOffset Until)? _wait;

    /// <summary>Raised after a report that changes more than a row count (a plan, a table done, a rate-limit wait), so the display redraws
    /// at once.</summary>
    public event Action? Changed;

    public void Report(ExportProgress value)
    {
        var redraw = true;
        lock (_gate)
        {
            switch (value)
            {
                case TablesPlanned planned:
                    _planned.AddRange(planned.Tables.Where(t => !_planned.Contains(t)));
                    break;
                case TableProgress table:
                    _tables[table.Table] = (table.Rows, table.Completed);
                    redraw = table.Completed;
                    break;
                case RateLimitWait wait:
                    _wait = (wait, clock.GetUtcNow() + wait.Wait);
                    break;
                default:
                    redraw = false;
                    break;
            }
        }
        if (redraw)
            Changed?.Invoke();
    }

    /// <summary>
    /// The display now: a line of tables done and rows written, a line per table being read with its rows so far, and
    /// the rate-limit line while its wait has not run out.
    /// </summary>
    public IRenderable Render()
    {
        lock (_gate)
        {
            var lines = new List<IRenderable>();
            var done = _tables.Count(t => t.Value.Completed);
            var rows = _tables.Sum(t => t.Value.Rows);
            lines.Add(
                new Markup(
                    _planned.Count == 0
                        ? "[bold]Exporting:[/] reading the source…"
                        : $"[bold]Exporting:[/] {done} of {Counted.Of(_planned.Count, "table")} done, {Counted.Of(rows, "row")} written"
                )
            );
            foreach (var (table, progress) in _tables.Where(t => !t.Value.Completed).OrderBy(t => t.Key))
                lines.Add(new Text($"  {table}: {Counted.Of(progress.Rows, "row")} so far"));
            if (_wait is { } wait && clock.GetUtcNow() < wait.Until)
            {
                var left = wait.Until - clock.GetUtcNow();
                lines.Add(
                    new Text(
                        $"  waiting {left.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s "
                            + $"of {wait.Wait.Wait.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: "
                            + $"{wait.Wait.Endpoint} rate-limited the export (HTTP 429 Too Many Requests) while {wait.Wait.Doing}",
                        new Style(Color.Yellow)
                    )
                );
            }
            return new Rows(lines);
        }
    }
}
