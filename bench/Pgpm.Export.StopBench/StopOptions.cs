using System.Globalization;
using Pgpm.Export.Bench;

namespace Pgpm.Export.StopBench;

/// <summary>The command line of the stop benchmark.</summary>
/// <param name="ConnectionString">A server where the synthetic database of <paramref name="Rows"/> already is (from a
/// <paramref name="Serve"/> run).</param>
/// <param name="Serve">Only start the server and generate the database, print its connection string and keep it until standard input
/// closes.</param>
/// <param name="Parts">What to measure: <c>whatif</c> (beside a whole export), <c>stop</c> (the cmdlet), <c>cli</c>.</param>
internal sealed record StopOptions(
    string? ModuleManifest,
    string? Cli,
    int Rows,
    IReadOnlyList<double> Delays,
    string? ConnectionString,
    bool Serve,
    IReadOnlySet<string> Parts
)
{
    public static StopOptions Parse(string[] args)
    {
        string? module = null,
            cli = null,
            connectionString = null;
        var serve = false;
        IReadOnlySet<string> parts = new HashSet<string> { "whatif", "stop", "cli" };
        var rows = 400_000;
        IReadOnlyList<double> delays = [0.5, 1, 2, 4, 8];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--serve")
            {
                serve = true;
                continue;
            }
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--module":
                    module = value;
                    break;
                case "--cli":
                    cli = value;
                    break;
                case "--connection-string":
                    connectionString = value;
                    break;
                case "--measure":
                    parts = value.Split(',').ToHashSet();
                    break;
                case "--rows":
                    rows = SizeLabel.Parse(value);
                    break;
                case "--delays":
                    delays = value.Split(',').Select(d => double.Parse(d, CultureInfo.InvariantCulture)).ToList();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i - 1]}.");
            }
        }
        if (module is null && !serve)
            throw new ArgumentException("--module PSD1 is required.");
        return new StopOptions(module, cli, rows, delays, connectionString, serve, parts);
    }
}
