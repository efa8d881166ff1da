using Pgpm.Export.Cli;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// Runs the pgpm-export command line in-process and captures what it printed. After an export that succeeded, the
/// plans in the workspace it wrote (<c>--out</c>) are read by pgpm's own parser, as every test export's are (<see cref="PgpmCheck"/>).
/// </summary>
public static class CliRun
{
    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>As <see cref="RunAsync(string[])"/>, with <paramref name="terminal"/> as standard error's terminal (the live progress display's).</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(ProgressTerminal? terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, CancellationToken.None, terminal);
        var outAt = Array.FindIndex(args, a => a is "--out" or "-o");
        if (exit == 0 && outAt >= 0 && outAt + 1 < args.Length)
            await PgpmCheck.PlansParseAsync(args[outAt + 1]);
        return (exit, output.ToString(), error.ToString());
    }
}
