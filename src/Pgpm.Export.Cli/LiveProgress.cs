using Pgpm.Export.Exporting;
using Spectre.Console;

namespace Pgpm.Export.Cli;

/// <summary>
/// Runs a command under Spectre.Console's live display on standard error, fed by an <see cref="ExportProgressView"/>.
/// The display owns the terminal while it runs, so log lines are written through it (<see cref="WriteLine"/>), which
/// puts them above the display instead of through it. The display redraws on every plan, finished table and rate-limit
/// wait, and ten times a second for row counts and the wait's countdown; its last state stays on the screen.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, TimeProvider clock)
{
    private static readonly TimeSpan RefreshRate = TimeSpan.FromMilliseconds(100);

    /// <summary>The progress receiver the engine reports to.</summary>
    public ExportProgressView View { get; } = new(clock);

    /// <summary>Writes one log line above the live display.</summary>
    public void WriteLine(string line) => console.Write(new Text(line + "\n"));

    /// <summary>
    /// Runs <paramref name="action"/> with the display shown and the engine's reports on this flow going to it
    /// (<see cref="ExportProgressScope"/>, so rate-limit waits while the source opens reach it too).
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> action) =>
        new LiveDisplay(console, View.Render())
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                void Redraw()
                {
                    context.UpdateTarget(View.Render());
                    context.Refresh();
                }
                View.Changed += Redraw;
                using var stopRefresh = new CancellationTokenSource();
                var refresh = RefreshAsync(Redraw, stopRefresh.Token);
                try
                {
                    using (ExportProgressScope.Begin(View))
                        return await action().ConfigureAwait(false);
                }
                finally
                {
                    View.Changed -= Redraw;
                    await stopRefresh.CancelAsync().ConfigureAwait(false);
                    await refresh.ConfigureAwait(false);
                    Redraw();
                }
            });

    private async Task RefreshAsync(Action redraw, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshRate, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                redraw();
        }
        catch (OperationCanceledException) { }
    }
}
