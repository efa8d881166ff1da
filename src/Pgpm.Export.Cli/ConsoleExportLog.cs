using Pgpm.Export.Errors;
using Pgpm.Export.Logging;

namespace Pgpm.Export.Cli;

/// <summary>Warnings always, verbose lines with --verbose, both on standard error so standard output stays the result.</summary>
internal sealed class ConsoleExportLog(TextWriter error, bool verbose) : IExportLog
{
    public void Verbose(string message)
    {
        if (verbose) error.WriteLine("verbose: " + OptionName.Render(message, Vocabulary.CommandLine));
    }

    public void Warning(string message) => error.WriteLine("warning: " + OptionName.Render(message, Vocabulary.CommandLine));
}
