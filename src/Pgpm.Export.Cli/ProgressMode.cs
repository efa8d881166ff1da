namespace Pgpm.Export.Cli;

/// <summary>When <c>pgpm-export</c> draws its live progress display on standard error (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>Only on a terminal that can redraw lines (<see cref="ProgressTerminal.CanShowLive"/>).</summary>
    Auto,

    /// <summary>Whenever standard error is a terminal, even where <see cref="Auto"/> holds back (TERM=dumb, CI).</summary>
    Always,

    /// <summary>Never: standard error carries only warnings, verbose lines and errors, as when it is redirected.</summary>
    Never,
}
