namespace Pgpm.Export.Bench;

/// <summary>The benchmark's command line: sizes, repetitions, concurrency and where things are.</summary>
internal sealed record BenchOptions(IReadOnlyList<int> SqlSizes, IReadOnlyList<int> GraphQLSizes, int Repetitions, int Concurrency, string CliDll, string JsonPath, string WorkDirectory)
{
    public const string Usage = """
        pgpm-export-bench --cli PATH/pgpm-export.dll [--rows 10k,100k,1M] [--graphql-rows 10k,100k] [--repeat 3] [--concurrency 4] [--json FILE] [--work DIR]
          --rows          sizes (meta rows) for the SQL export, its floor and the memory figures
          --graphql-rows  sizes for the GraphQL exports (both dialects) and their floor
          --repeat        timed repetitions of everything after one untimed warm-up; the report shows medians
          --concurrency   tables read at once by the export (and by the GraphQL floor)
          --json          where to write the results
          --work          where the exports write (default /dev/shm: the floors write nothing to disk, and this
                          machine's ext4 metadata speed swings 20-fold within minutes; give a disk path to include it)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"'{args[i]}' is not understood.\n{Usage}");
            values[args[i]] = args[++i];
        }
        foreach (var key in values.Keys)
            if (key is not ("--rows" or "--graphql-rows" or "--repeat" or "--concurrency" or "--cli" or "--json" or "--work"))
                throw new ArgumentException($"Unknown option {key}.\n{Usage}");
        var cli = values.GetValueOrDefault("--cli") ?? throw new ArgumentException($"--cli is required.\n{Usage}");
        if (!File.Exists(cli)) throw new ArgumentException($"The command line {cli} does not exist; build it first (bench/run does).");
        return new BenchOptions(
            Sizes(values.GetValueOrDefault("--rows") ?? "10k,100k,1M"),
            Sizes(values.GetValueOrDefault("--graphql-rows") ?? "10k,100k"),
            Positive(values.GetValueOrDefault("--repeat") ?? "3", "--repeat"),
            Positive(values.GetValueOrDefault("--concurrency") ?? "4", "--concurrency"),
            Path.GetFullPath(cli),
            Path.GetFullPath(values.GetValueOrDefault("--json") ?? "bench/results/latest.json"),
            Path.GetFullPath(values.GetValueOrDefault("--work") ?? (Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath())));
    }

    private static IReadOnlyList<int> Sizes(string list) =>
        list.Length == 0 ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SizeLabel.Parse).ToList();

    private static int Positive(string text, string name) =>
        int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.");
}
