using System.CommandLine;
using Pgpm.Export.Cli;

namespace Pgpm.Export.Sandbox.Cli;

/// <summary>
/// <c>pgpm-export demo</c> and <c>pgpm-export sandbox</c>: the built-in sample's servers, started for the demo or kept
/// running for other tests. Errors and exit codes are the command line's (<see cref="CliApplication"/>).
/// </summary>
internal static class SandboxApplication
{
    /// <param name="input">The sandbox runs until this reader ends (the process's standard input).</param>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        TextReader input,
        CancellationToken cancellationToken
    )
    {
        var root = new RootCommand("Run the export on the built-in sample, or keep the sample's servers running.");

        var demo = new Command(
            "demo",
            "Run the whole export on the built-in sample: a throwaway local PostgreSQL with the 'pets' database, "
                + "exported into ./demo-export."
        );
        var demoOut = new Option<string>("--out", "-o")
        {
            Description = "Where to write the sample's workspace.",
            DefaultValueFactory = _ => "demo-export",
        };
        var verbose = new CliOptions().Verbose;
        demo.Options.Add(demoOut);
        demo.Options.Add(verbose);
        demo.SetAction(
            (parse, ct) =>
                CliApplication.Guard(error, () =>
                    DemoCommand.RunAsync(parse.GetValue(demoOut)!, parse.GetValue(verbose), output, error, ct)
                )
        );
        root.Subcommands.Add(demo);

        var sandbox = new Command(
            "sandbox",
            "Start the built-in sample's PostgreSQL and GraphQL endpoint and keep them running until standard input closes "
                + "(for the Pester tests)."
        );
        var sandboxInfo = new Option<string>("--info")
        {
            Description = "File to write the connection string, endpoint and throwaway token to, as JSON.",
            Required = true,
        };
        var noIntrospection = new Option<bool>("--no-introspection")
        {
            Description =
                "Refuse GraphQL introspection (__schema, __type) as Constructive's server can, "
                + "to try an export that works from a manifest.",
        };
        sandbox.Options.Add(sandboxInfo);
        sandbox.Options.Add(noIntrospection);
        sandbox.SetAction(
            (parse, ct) =>
                CliApplication.Guard(error, () =>
                    SandboxCommand.RunAsync(parse.GetValue(sandboxInfo)!, parse.GetValue(noIntrospection), output, input, ct)
                )
        );
        root.Subcommands.Add(sandbox);

        return CliApplication.InvokeAsync(root, args, output, error, cancellationToken);
    }
}
