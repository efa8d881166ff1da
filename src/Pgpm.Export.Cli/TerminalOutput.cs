using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Cli;

/// <summary>
/// The command line as a host of the commands, as the cmdlets are: objects become lines on standard output, warnings
/// and verbose lines go to the log on standard error, and every question is answered yes (the command line replaces
/// packages, as docs/cli.md says). Progress records are not drawn: the live display follows the engine itself.
/// </summary>
internal sealed class TerminalOutput(TextWriter output, ConsoleExportLog log, TextWriter errors) : ICommandOutput
{
    /// <summary>Whether a command reported an error and went on (the command line then exits with a failure).</summary>
    public bool HadErrors { get; private set; }

    public ValueTask WriteObjectAsync(object value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case string line:
                output.WriteLine(line);
                break;
            case DatabaseInfo database:
                output.WriteLine($"{database.Id}\t{database.Name}");
                break;
            case PackageSummary package:
                var kind = package.Kind.ToString().ToLowerInvariant();
                var size = $"{Counted.Of(package.Changes, "change")}, {Counted.Of(package.Rows, "row")}";
                var replaced = package.Replaced ? " (replaced the plan and scripts there; other files kept)" : "";
                output.WriteLine($"wrote {kind} package {package.Name}: {size} -> {package.Path}{replaced}");
                break;
            case ExportManifest manifest:
                output.Write(manifest.ToJson());
                break;
            default:
                throw new InvalidOperationException($"The command line cannot print a {value.GetType().Name}.");
        }
        return ValueTask.CompletedTask;
    }

    public void WriteError(CommandError error)
    {
        HadErrors = true;
        errors.WriteLine("pgpm-export: " + CliApplication.OneLine(OptionName.Render(error.Message, Vocabulary.CommandLine)));
    }

    public void WriteWarning(string message) => log.Warning(message);

    public void WriteVerbose(string message) => log.Verbose(message);

    public void WriteProgress(ProgressUpdate progress) { }

    public ValueTask<bool> ShouldProcessAsync(string target, string action, string whatIf, CancellationToken cancellationToken) =>
        ValueTask.FromResult(true);

    public ValueTask<bool?> ShouldContinueAsync(string query, string caption, CancellationToken cancellationToken) =>
        ValueTask.FromResult<bool?>(true);
}
