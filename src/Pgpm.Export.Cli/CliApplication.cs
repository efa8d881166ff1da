using System.CommandLine;
using Pgpm.Export.Commands;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;

namespace Pgpm.Export.Cli;

/// <summary>
/// The <c>pgpm-export</c> command line. Exit codes: 0 success, 1 the export failed (one line on standard
/// error says why), 2 the command line is wrong, 130 cancelled.
/// </summary>
public static class CliApplication
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    /// <summary>
    /// Runs the command line. <paramref name="terminal"/> is standard error when it is a terminal (see
    /// <see cref="ProgressTerminal.ForStandardError"/>), where an export draws its live progress (<c>--progress</c>);
    /// null (redirected, or a test capturing the writers) prints exactly the lines it prints without progress.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken,
        ProgressTerminal? terminal = null
    )
    {
        var options = new CliOptions();
        var root = new RootCommand(
            "Export a Constructive database to pgpm packages (a database package from sql_actions and a service package of metadata)."
        );
        options.AddExportOptionsTo(root);
        root.SetAction((parse, ct) => Guard(error, () => ExportAsync(options, parse, output, error, terminal, ct)));

        var databases = new Command("databases", "List the Constructive databases of the source (and, over SQL, the server's databases).");
        var server = new Option<bool>("--server")
        {
            Description = "List the PostgreSQL server's databases (other than templates and postgres) instead.",
        };
        options.AddSourceOptionsTo(databases);
        databases.Options.Add(server);
        databases.SetAction((parse, ct) => Guard(error, () => ListDatabasesAsync(options, parse, server, output, error, ct)));
        root.Subcommands.Add(databases);

        var manifest = new Command(
            "manifest",
            "Print a manifest derived from the source's schema, for --manifest with other schema versions."
        );
        manifest.Options.Add(options.ConnectionString);
        var manifestVersion = new Option<string?>("--schema-version")
        {
            Description =
                "The version to record in the manifest "
                + "(default: the metaschema-schema extension's version, when it is installed as one).",
        };
        manifest.Options.Add(manifestVersion);
        manifest.SetAction(
            (parse, ct) => Guard(error, () => PrintManifestAsync(options, parse, parse.GetValue(manifestVersion), output, error, ct))
        );
        root.Subcommands.Add(manifest);

        return await InvokeAsync(root, args, output, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses and runs a command line, a wrong one being one line on standard error and exit <see cref="Usage"/>.</summary>
    internal static async Task<int> InvokeAsync(
        RootCommand root,
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            error.WriteLine("pgpm-export: " + result.Errors[0].Message + " (see pgpm-export --help)");
            return Usage;
        }
        // Program turns Ctrl+C into the token. System.CommandLine's own handling (ProcessTerminationTimeout) would return 130 after
        // 2 s whatever the export is doing, and the process would end before the export removed what it had staged.
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,
        };
        return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<int> Guard(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ExportException e)
        {
            error.WriteLine("pgpm-export: " + OneLine(OptionName.Render(e.Message, Vocabulary.CommandLine)));
            // A database the command line names that the source does not have is the command line's mistake, as an unknown schema is.
            return e.Kind == ExportErrorKind.InvalidArgument || e.ErrorId == ErrorId.DatabaseNotFound ? Usage : Failed;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("pgpm-export: cancelled; nothing was written.");
            return Cancelled;
        }
        catch (Exception e)
        {
            var message = OneLine(OptionName.Render(e.Message, Vocabulary.CommandLine));
            error.WriteLine($"pgpm-export: unexpected {e.GetType().Name}: {message} (nothing was written; please report this)");
            return Failed;
        }
    }

    private static async Task<int> ExportAsync(
        CliOptions cli,
        ParseResult parse,
        TextWriter output,
        TextWriter error,
        ProgressTerminal? terminal,
        CancellationToken cancellationToken
    )
    {
        var outputPath = parse.GetValue(cli.Out);
        if (string.IsNullOrEmpty(outputPath))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.OutputPathMissing,
                $"Say where to write the workspace with {OptionName.Out} DIR."
            );
        var live =
            terminal is not null && terminal.Shows(parse.GetValue(cli.Progress))
                ? new LiveProgress(terminal.Console, TimeProvider.System)
                : null;
        var verbose = parse.GetValue(cli.Verbose);
        var log = live is null ? new ConsoleExportLog(error, verbose) : new ConsoleExportLog(live.WriteLine, verbose);
        var request = new ProjectExportRequest { Options = cli.Export(parse, outputPath) };
        DatabaseResolver.RefuseBoth(request.Options.DatabaseId, request.Options.DatabaseName);

        // The summary is printed once the live display has ended, so it is never drawn through it.
        var summary = new StringWriter();
        var host = new TerminalOutput(summary, log, error);
        var result = live is null
            ? await ExportAsync(cli, parse, request, host, log, null, cancellationToken).ConfigureAwait(false)
            : await live.RunAsync(() => ExportAsync(cli, parse, request, host, log, live.View, cancellationToken)).ConfigureAwait(false);
        output.Write(summary.ToString());
        foreach (var omission in result.Omissions)
            output.WriteLine($"not exported: {omission}");
        if (result.Packages.Count == 0)
        {
            error.WriteLine($"pgpm-export: nothing was written for {result.Database.Name}.");
            return Failed;
        }
        return Success;
    }

    private static async Task<ExportResult> ExportAsync(
        CliOptions cli,
        ParseResult parse,
        ProjectExportRequest request,
        TerminalOutput host,
        ConsoleExportLog log,
        IProgress<ExportProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        var sourceRequest = cli.Source(parse, request.Options.Manifest);
        using var source = await SourceOpener.OpenAsync(sourceRequest, log, cancellationToken).ConfigureAwait(false);
        return await ProjectExport.RunAsync(source, request, host, cancellationToken, progress).ConfigureAwait(false);
    }

    private static async Task<int> ListDatabasesAsync(
        CliOptions cli,
        ParseResult parse,
        Option<bool> server,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var log = new ConsoleExportLog(error, verbose: false);
        var terminal = new TerminalOutput(output, log, error);
        using var source = await SourceOpener.OpenAsync(cli.Source(parse, null), log, cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(server))
            await ServerDatabaseQuery.RunAsync(source, server.Name, terminal, cancellationToken).ConfigureAwait(false);
        else
            await DatabaseQuery.RunAsync(source, null, terminal, cancellationToken).ConfigureAwait(false);
        return terminal.HadErrors ? Failed : Success;
    }

    private static async Task<int> PrintManifestAsync(
        CliOptions cli,
        ParseResult parse,
        string? version,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        var request = new SourceRequest { ConnectionString = cli.RequireConnectionString(parse) };
        var log = new ConsoleExportLog(error, verbose: false);
        using var source = await SourceOpener.OpenAsync(request, NullExportLog.Instance, cancellationToken).ConfigureAwait(false);
        await ManifestQuery.RunAsync(source, version, new TerminalOutput(output, log, error), cancellationToken).ConfigureAwait(false);
        return Success;
    }

    internal static string OneLine(string message) => message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
