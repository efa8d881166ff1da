namespace Pgpm.Export.Bench;

/// <summary>
/// The performance targets, each judged on this run's medians with the figures it rests on: "holds", "MISSED", or
/// "not measured" when the run did not include the size it needs (say which option adds it).
/// </summary>
internal static class BenchTargets
{
    public const double SqlRatio = 1.5;
    public const double GraphQLRatio = 1.2;
    public const double PeakMegabytes = 200;
    public const double PeakGrowth = 0.10;
    public const double PeerSpeedup = 5;

    public static IEnumerable<string> Check(BenchRun run)
    {
        foreach (var size in new[] { 100_000, 1_000_000 })
        {
            var sql = run.Sql.FirstOrDefault(r => r.MetaRows == size);
            yield return sql is null
                ? $"SQL export <= {SqlRatio} x SQL floor at {SizeLabel.Format(size)}: not measured (add {SizeLabel.Format(size)} to --rows)"
                : $"SQL export <= {SqlRatio} x SQL floor at {sql.Size}: {Verdict(sql.Ratio <= SqlRatio)} "
                    + $"(export {sql.Export.Median:0.000} s / floor {sql.Floor.Median:0.000} s = {sql.Ratio:0.00} x)";
        }
        foreach (var dialect in new[] { "default", "constructive" })
        {
            var graphql = run.GraphQL.FirstOrDefault(r => r.MetaRows == 100_000 && r.Dialect == dialect);
            yield return graphql is null
                ? $"GraphQL export <= {GraphQLRatio} x GraphQL floor at 100k, {dialect} naming: not measured (add 100k to --graphql-rows)"
                : $"GraphQL export <= {GraphQLRatio} x GraphQL floor at 100k, {dialect} naming: {Verdict(graphql.Ratio <= GraphQLRatio)} "
                    + $"(export {graphql.Export.Median:0.000} s / floor {graphql.Floor.Median:0.000} s = {graphql.Ratio:0.00} x)";
        }

        var large = run.Sql.FirstOrDefault(r => r.MetaRows == 1_000_000);
        var medium = run.Sql.FirstOrDefault(r => r.MetaRows == 100_000);
        yield return large is null
            ? $"Peak memory <= {PeakMegabytes} MB at 1M: not measured (add 1M to --rows)"
            : $"Peak memory <= {PeakMegabytes} MB at 1M: {Verdict(large.PeakMegabytesMedian <= PeakMegabytes)} "
                + $"({large.PeakMegabytesMedian:0} MB)";
        if (large is not null && medium is not null)
        {
            var growth = large.PeakMegabytesMedian / medium.PeakMegabytesMedian - 1;
            yield return $"Peak memory within {PeakGrowth:0%} between 100k and 1M: {Verdict(Math.Abs(growth) <= PeakGrowth)} "
                + $"({medium.PeakMegabytesMedian:0} MB with {medium.SqlActions} sql_actions -> "
                + $"{large.PeakMegabytesMedian:0} MB with {large.SqlActions}, {growth:+0%;-0%;0%})";
        }
        else
        {
            yield return $"Peak memory within {PeakGrowth:0%} between 100k and 1M: not measured (needs 100k and 1M in --rows)";
        }

        var peer = medium?.Peer;
        yield return peer is null || peer.Runs.Count == 0
            ? $"At least {PeerSpeedup} x faster than the established exporter at 100k: not measured (needs 100k in --rows and --peer-rows)"
            : $"At least {PeerSpeedup} x faster than the established exporter at 100k: {Verdict(peer.Speedup >= PeerSpeedup)} "
                + $"(peer {peer.Seconds:0.000} s, {peer.PeakMegabytes:0} MB / "
                + $"export {medium!.Export.Median:0.000} s, {medium.PeakMegabytesMedian:0} MB = {peer.Speedup:0.0} x; "
                + $"the peer leaves out {peer.ColumnsLeftOut.Count} of {peer.ColumnsWritten + peer.ColumnsLeftOut.Count} "
                + "columns of the tables it writes)";

        yield return "Concurrent output byte-identical to sequential at every size: "
            + Verdict(run.Sql.All(r => r.ConcurrentEqualsSequential));
        if (run.GraphQL.Count > 0)
            yield return "GraphQL output byte-identical to the SQL export at every size and naming: "
                + Verdict(run.GraphQL.All(r => r.EqualsSqlExport));
    }

    private static string Verdict(bool holds) => holds ? "holds" : "MISSED";
}
