using Spectre.Console;

namespace Pgpm.Export.Cli;

/// <summary>
/// The terminal <c>pgpm-export</c> may draw progress on: standard error, as Spectre.Console sees it. Standard output is
/// never drawn on; it stays the summary whether or not it is redirected.
/// </summary>
public sealed class ProgressTerminal
{
    private ProgressTerminal(IAnsiConsole console, bool canShowLive, bool isTerminal)
    {
        Console = console;
        CanShowLive = canShowLive;
        IsTerminal = isTerminal;
    }

    /// <summary>The console that draws on standard error.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// Whether <c>--progress auto</c> draws: standard error is a terminal (not redirected), and Spectre.Console finds it
    /// interactive and able to move the cursor (ANSI): not with TERM=dumb, nor on a CI server Spectre recognises
    /// (a CI variable other than 0/false, and the CI services Spectre knows). NO_COLOR only takes the colours away.
    /// </summary>
    public bool CanShowLive { get; }

    /// <summary>Whether standard error is a terminal at all (<c>--progress always</c> draws then).</summary>
    public bool IsTerminal { get; }

    /// <summary>The process's standard error, or null when it is redirected (nothing is ever drawn into a file or pipe).</summary>
    public static ProgressTerminal? ForStandardError()
    {
        if (System.Console.IsErrorRedirected)
            return null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        var capabilities = console.Profile.Capabilities;
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var ci =
            Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
            && value != "0"
            && !value.Equals("false", StringComparison.OrdinalIgnoreCase);
        return new ProgressTerminal(console, capabilities.Interactive && capabilities.Ansi && !dumb && !ci, isTerminal: true);
    }

    /// <summary>A given console (a test's), taken as a terminal that can show the live display.</summary>
    public static ProgressTerminal Of(IAnsiConsole console) => new(console, canShowLive: true, isTerminal: true);

    /// <summary>Whether to draw, for the mode the command line asked for.</summary>
    internal bool Shows(ProgressMode mode) =>
        mode switch
        {
            ProgressMode.Always => IsTerminal,
            ProgressMode.Auto => CanShowLive,
            _ => false,
        };
}
