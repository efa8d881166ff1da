namespace Pgpm.Export.Bench;

/// <summary>Repeated timings of one thing; the median is what the report compares.</summary>
internal sealed record Timings(List<double> Seconds)
{
    public Timings()
        : this(new List<double>()) { }

    public double Median => MedianOf(Seconds);

    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

internal sealed record SqlResult(string Size, int MetaRows, int SqlActions)
{
    public Timings Floor { get; } = new();
    public Timings Export { get; } = new();
    public Timings Sequential { get; } = new();
    public List<double> PeakMegabytes { get; } = new();
    public long OutputBytes { get; set; }
    public bool ConcurrentEqualsSequential { get; set; } = true;

    /// <summary>The established exporter's pipeline on the same database, when this size was given to --peer-rows.</summary>
    public PeerResult? Peer { get; set; }
    public double Ratio => Export.Median / Floor.Median;
    public double SequentialRatio => Sequential.Median / Floor.Median;
    public double PeakMegabytesMedian => Timings.MedianOf(PeakMegabytes);
}

/// <summary>
/// The established exporter's pipeline (sandbox/peer/pgpm-export.mjs) timed in the same repetitions as the export;
/// <see cref="Speedup"/> is its median time over the export's, and <see cref="ColumnsLeftOut"/> the columns of tables
/// with rows that it does not write (their values are lost).
/// </summary>
internal sealed record PeerResult
{
    public List<double> Runs { get; } = new();
    public List<double> PeakRuns { get; } = new();
    public double Seconds => Timings.MedianOf(Runs);
    public double PeakMegabytes => Timings.MedianOf(PeakRuns);
    public double Speedup { get; set; }
    public int Rows { get; set; }
    public int ColumnsWritten { get; set; }
    public List<string> ColumnsLeftOut { get; set; } = new();
    public long OutputBytes { get; set; }
}

internal sealed record GraphQLResult(string Dialect, string Size, int MetaRows)
{
    public Timings Floor { get; } = new();
    public Timings Export { get; } = new();
    public List<double> PeakMegabytes { get; } = new();
    public int Requests { get; set; }
    public bool EqualsSqlExport { get; set; } = true;
    public double Ratio => Export.Median / Floor.Median;
    public double PeakMegabytesMedian => Timings.MedianOf(PeakMegabytes);
}

internal sealed record BenchRun(
    string Machine,
    int Repetitions,
    int Concurrency,
    List<SqlResult> Sql,
    List<GraphQLResult> GraphQL,
    List<string> Targets
);
