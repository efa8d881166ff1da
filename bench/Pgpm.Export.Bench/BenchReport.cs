namespace Pgpm.Export.Bench;

/// <summary>The run's figures as a table of medians and ratios, then the targets.</summary>
internal static class BenchReport
{
    public static void Print(BenchRun run, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Medians of {run.Repetitions} runs; export concurrency {run.Concurrency}; {run.Machine}.");
        output.WriteLine("SQL     size   floor(s)  export(s)  ratio  sequential(s)  ratio  peak(MB)  output(MB)");
        foreach (var r in run.Sql)
            output.WriteLine(
                $"        {r.Size, -5} {r.Floor.Median, 9:0.000} {r.Export.Median, 10:0.000} {r.Ratio, 6:0.00} "
                    + $"{r.Sequential.Median, 14:0.000} {r.SequentialRatio, 6:0.00} {r.PeakMegabytesMedian, 9:0} "
                    + $"{r.OutputBytes / 1048576.0, 11:0.0}"
            );
        foreach (var r in run.Sql.Where(r => r.Peer is { Runs.Count: > 0 }))
        {
            var peer = r.Peer!;
            output.WriteLine(
                $"Peer    {r.Size, -5} established exporter (csv-to-pg 4.12.1 + @pgpmjs/core 7.27.3): "
                    + $"{peer.Seconds:0.000} s, {peer.PeakMegabytes:0} MB peak; "
                    + $"this export is {peer.Speedup:0.0} x faster"
            );
            output.WriteLine(
                $"        the peer writes {peer.ColumnsWritten} columns and leaves out {peer.ColumnsLeftOut.Count}, "
                    + "whose values are lost (all listed in the JSON): "
                    + string.Join(", ", peer.ColumnsLeftOut.GroupBy(c => c[..c.LastIndexOf('.')]).Select(g => $"{g.Key} {g.Count()}"))
            );
        }
        if (run.GraphQL.Count > 0)
        {
            output.WriteLine("GraphQL dialect       size   requests  floor(s)  export(s)  ratio  peak(MB)");
            foreach (var r in run.GraphQL)
                output.WriteLine(
                    $"        {r.Dialect, -13} {r.Size, -5} {r.Requests, 9} {r.Floor.Median, 9:0.000} {r.Export.Median, 10:0.000} "
                        + $"{r.Ratio, 6:0.00} {r.PeakMegabytesMedian, 9:0}"
                );
        }
        output.WriteLine();
        foreach (var target in run.Targets)
            output.WriteLine("  " + target);
        output.WriteLine();
    }

    /// <summary>
    /// The same figures as the performance table of README and docs/performance.md and the latter's target list, so both
    /// are refreshed from a run by pasting.
    /// </summary>
    public static string Markdown(BenchRun run)
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine($"Medians of {run.Repetitions} runs; export concurrency {run.Concurrency}; {run.Machine}.").AppendLine();
        md.AppendLine("| export | rows | floor | export | export / floor | peak memory |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var r in run.Sql)
            md.AppendLine(
                $"| SQL | {r.Size} | {r.Floor.Median:0.00} s | {r.Export.Median:0.00} s | {r.Ratio:0.0} x | {r.PeakMegabytesMedian:0} MB |"
            );
        foreach (var r in run.GraphQL)
            md.AppendLine(
                $"| GraphQL, {(r.Dialect == "default" ? "PostGraphile" : "Constructive")} naming | {r.Size} | "
                    + $"{r.Floor.Median:0.00} s | {r.Export.Median:0.00} s | {r.Ratio:0.0} x | {r.PeakMegabytesMedian:0} MB |"
            );
        foreach (var r in run.Sql.Where(r => r.Peer is { Runs.Count: > 0 }))
            md.AppendLine(
                $"| established exporter (csv-to-pg + @pgpmjs/core) | {r.Size} | | {r.Peer!.Seconds:0.00} s | "
                    + $"ours is {r.Peer.Speedup:0.0} x faster | {r.Peer.PeakMegabytes:0} MB |"
            );
        md.AppendLine();
        foreach (var target in run.Targets)
            md.AppendLine("- " + target);
        return md.ToString();
    }
}
