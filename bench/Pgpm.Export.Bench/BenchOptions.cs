namespace Pgpm.Export.Bench;

/// <summary>The benchmark's command line: sizes, repetitions, concurrency and where things are.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> SqlSizes,
    IReadOnlyList<int> GraphQLSizes,
    IReadOnlyList<int> PeerSizes,
    int Repetitions,
    int Concurrency,
    string Cli,
    string JsonPath,
    string WorkDirectory,
    bool Hold
)
{
    public const string Usage = """
        pgpm-export-bench --cli PATH/pgpm-export [--rows 10k,100k,1M] [--graphql-rows 10k,100k] [--peer-rows 100k]
            [--repeat 3] [--concurrency 4] [--json FILE] [--work DIR]
          --rows          sizes (meta rows) for the SQL export, its floor and the memory figures
          --graphql-rows  sizes for the GraphQL exports (both dialects) and their floor
          --peer-rows     sizes (among --rows) at which the established exporter's pipeline runs too
                          (sandbox/peer/pgpm-export.mjs; it holds every row in memory, so 1M takes GBs)
          --repeat        timed repetitions of everything after one untimed warm-up; the report shows medians
          --concurrency   tables read at once by the export (and by the GraphQL floor)
          --hold yes      only generate the databases, print how to reach them, and keep PostgreSQL (and, with
                          --graphql-rows, PostGraphile in both namings) up until standard input ends: for
                          profiling or A/B timing one export by hand
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
            if (
                key
                is not (
                    "--rows"
                    or "--graphql-rows"
                    or "--peer-rows"
                    or "--repeat"
                    or "--concurrency"
                    or "--cli"
                    or "--json"
                    or "--work"
                    or "--hold"
                )
            )
                throw new ArgumentException($"Unknown option {key}.\n{Usage}");
        var cli = values.GetValueOrDefault("--cli") ?? throw new ArgumentException($"--cli is required.\n{Usage}");
        if (!File.Exists(cli))
            throw new ArgumentException($"The command line {cli} does not exist; build it first (bench/run does).");
        var sqlSizes = Sizes(values.GetValueOrDefault("--rows") ?? "10k,100k,1M");
        var peerSizes = Sizes(values.GetValueOrDefault("--peer-rows") ?? "100k").Where(sqlSizes.Contains).ToList();
        return new BenchOptions(
            sqlSizes,
            Sizes(values.GetValueOrDefault("--graphql-rows") ?? "10k,100k"),
            peerSizes,
            Positive(values.GetValueOrDefault("--repeat") ?? "3", "--repeat"),
            Positive(values.GetValueOrDefault("--concurrency") ?? "4", "--concurrency"),
            Path.GetFullPath(cli),
            Path.GetFullPath(values.GetValueOrDefault("--json") ?? "bench/results/latest.json"),
            Path.GetFullPath(values.GetValueOrDefault("--work") ?? (Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath())),
            values.GetValueOrDefault("--hold") is "yes" or "true"
        );
    }

    private static IReadOnlyList<int> Sizes(string list) =>
        list.Length == 0
            ? []
            : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SizeLabel.Parse).ToList();

    private static int Positive(string text, string name) =>
        int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.");
}
