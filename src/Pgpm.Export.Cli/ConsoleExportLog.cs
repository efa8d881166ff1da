using Pgpm.Export.Errors;
using Pgpm.Export.Logging;

namespace Pgpm.Export.Cli;

/// <summary>
/// Warnings always, verbose lines with --verbose, both on standard error so standard output stays the result; while the
/// live progress display runs, through it (<see cref="LiveProgress.WriteLine"/>) so the two do not garble each other.
/// </summary>
internal sealed class ConsoleExportLog(Action<string> writeLine, bool verbose) : IExportLog
{
    public ConsoleExportLog(TextWriter error, bool verbose)
        : this(error.WriteLine, verbose) { }

    public void Verbose(string message)
    {
        if (verbose)
            writeLine("verbose: " + OptionName.Render(message, Vocabulary.CommandLine));
    }

    public void Warning(string message) => writeLine("warning: " + OptionName.Render(message, Vocabulary.CommandLine));
}
