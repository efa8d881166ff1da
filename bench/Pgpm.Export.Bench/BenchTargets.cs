namespace Pgpm.Export.Bench;

/// <summary>The targets, judged on this run's figures; a size that was not measured is said to be so.</summary>
internal static class BenchTargets
{
    public static IEnumerable<string> Check(BenchRun run)
    {
        foreach (var size in new[] { 100_000, 1_000_000 })
        {
            var sql = run.Sql.FirstOrDefault(r => r.MetaRows == size);
            yield return sql is null
                ? $"SQL export <= 1.5 x floor at {SizeLabel.Format(size)}: not measured"
                : $"SQL export <= 1.5 x floor at {sql.Size}: {Verdict(sql.Ratio <= 1.5)} ({sql.Ratio:0.00} x)";
        }
        foreach (var graphql in run.GraphQL.Where(r => r.MetaRows == 100_000))
            yield return $"GraphQL export <= 1.2 x floor at 100k ({graphql.Dialect}): {Verdict(graphql.Ratio <= 1.2)} ({graphql.Ratio:0.00} x)";
        if (!run.GraphQL.Any(r => r.MetaRows == 100_000)) yield return "GraphQL export <= 1.2 x floor at 100k: not measured";

        var large = run.Sql.FirstOrDefault(r => r.MetaRows == 1_000_000);
        var medium = run.Sql.FirstOrDefault(r => r.MetaRows == 100_000);
        yield return large is null
            ? "Peak memory <= 200 MB at 1M: not measured"
            : $"Peak memory <= 200 MB at 1M: {Verdict(large.PeakMegabytesMedian <= 200)} ({large.PeakMegabytesMedian:0} MB)";
        if (large is not null && medium is not null)
        {
            var growth = large.PeakMegabytesMedian / medium.PeakMegabytesMedian - 1;
            yield return $"Peak memory within 10% between 100k and 1M: {Verdict(Math.Abs(growth) <= 0.10)} ({medium.PeakMegabytesMedian:0} MB -> {large.PeakMegabytesMedian:0} MB, {growth:+0%;-0%;0%})";
        }
        else
        {
            yield return "Peak memory within 10% between 100k and 1M: not measured";
        }
        yield return $"Concurrent output byte-identical to sequential: {Verdict(run.Sql.All(r => r.ConcurrentEqualsSequential))}";
        if (run.GraphQL.Count > 0)
            yield return $"GraphQL output byte-identical to the SQL export: {Verdict(run.GraphQL.All(r => r.EqualsSqlExport))}";
    }

    private static string Verdict(bool holds) => holds ? "holds" : "MISSED";
}
