using Pgpm.Export.Cli;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Runs the pgpm-export command line in-process and captures what it printed.</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
