using Pgpm.Export.Cli;
using Pgpm.Export.Sandbox.Cli;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// Runs the pgpm-export command line in-process and captures what it printed. After an export that succeeded, the
/// plans in the workspace it wrote (<c>--out</c>) are read by pgpm's own parser, as every test export's are (<see cref="PgpmCheck"/>).
/// With <c>PGPM_EXPORT_CLI</c> naming an executable (the published native one, <c>out/cli/pgpm-export</c>), runs that
/// as its own process instead, so the same tests check the natively compiled command line users run.
/// </summary>
public static class CliRun
{
    public const string ExecutableVariable = "PGPM_EXPORT_CLI";

    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>As <see cref="RunAsync(string[])"/>, with <paramref name="terminal"/> as standard error's terminal (the live progress
    /// display's, in-process only).</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(ProgressTerminal? terminal, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable);
        var exit =
            terminal is null && !string.IsNullOrEmpty(executable)
                ? await RunProcessAsync(executable, args, output, error)
                : await CliApplication.RunAsync(args, output, error, CancellationToken.None, terminal);
        var outAt = Array.FindIndex(args, a => a is "--out" or "-o");
        if (exit == 0 && outAt >= 0 && outAt + 1 < args.Length)
            await PgpmCheck.PlansParseAsync(args[outAt + 1]);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the sample servers' host (<c>pgpm-export demo</c>, <c>pgpm-export sandbox</c>) in-process: it is not part of
    /// the native executable, so <c>PGPM_EXPORT_CLI</c> does not apply. Standard input is empty.
    /// </summary>
    public static async Task<(int Exit, string Out, string Err)> RunSandboxHostAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SandboxApplication.RunAsync(args, output, error, TextReader.Null, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<int> RunProcessAsync(string executable, string[] args, TextWriter output, TextWriter error)
    {
        var info = new System.Diagnostics.ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in args)
            info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output.WriteAsync(await stdout);
        await error.WriteAsync(await stderr);
        return process.ExitCode;
    }
}
