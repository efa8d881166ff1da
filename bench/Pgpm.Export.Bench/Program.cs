using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pgpm.Export.Bench;
using Pgpm.Export.Sandbox;

// Times the export against the transfer floor in one run, on loopback, and writes the figures as JSON.
// Run through bench/run, which installs what it needs and builds the command line first.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (!File.Exists(TimedProcess.GnuTime))
{
    Console.Error.WriteLine($"{TimedProcess.GnuTime} is missing (Debian package 'time'); bench/run installs it.");
    return 2;
}

var sizes = options.SqlSizes.Concat(options.GraphQLSizes).Distinct().Order().Select(SyntheticDatabase.OfSize).ToList();
var export = new ExportRun(options.Cli, options.WorkDirectory);
var peer = new PeerRun(Path.GetFullPath("sandbox/peer/pgpm-export.mjs"), options.WorkDirectory);
var run = new BenchRun(
    $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, "
        + $"exports written to {options.WorkDirectory}",
    options.Repetitions,
    options.Concurrency,
    [],
    [],
    []
);

Console.WriteLine("Starting PostgreSQL with the Constructive schema…");
await using var servers = await BenchServers.StartAsync(sizes, Console.Out);
var sqlHashes = new Dictionary<int, string>();
if (options.Hold)
{
    // The throwaway server's password goes to a file only its owner can read, not to the console.
    var env = Path.Combine(options.WorkDirectory, "pgpm-bench-hold.env");
    var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
    if (!OperatingSystem.IsWindows())
        owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    // With GraphQL sizes, PostGraphile is held up too (both namings), the token in the same file as PGPM_EXPORT_TOKEN.
    var held = new List<LocalGraphQLServer>();
    var holdToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    foreach (
        var dialect in options.GraphQLSizes.Count > 0
            ? [GraphQLDialect.Default, GraphQLDialect.Constructive]
            : Array.Empty<GraphQLDialect>()
    )
        held.Add(
            await LocalGraphQLServer.StartAsync(
                servers.Postgres,
                BenchServers.DatabaseName,
                new GraphQLServerOptions
                {
                    Dialect = dialect,
                    ExportSqlActionsPlugin = true,
                    Token = holdToken,
                }
            )
        );
    await using (var file = new StreamWriter(env, owner))
        await file.WriteAsync(
            $"export PGHOST={servers.Host} PGPORT={servers.Port} PGUSER={servers.User} "
                + $"PGPASSWORD='{servers.Password}' PGDATABASE={servers.Database}\n"
                + $"export PGPM_BENCH_CONNECTION='{servers.ConnectionString}'\n"
                + (held.Count > 0 ? $"export PGPM_EXPORT_TOKEN={holdToken}\n" : "")
        );
    Console.WriteLine(
        $"PostgreSQL is up; `. {env}` sets PG* and PGPM_BENCH_CONNECTION (the export's connection string)"
            + $"{(held.Count > 0 ? " and PGPM_EXPORT_TOKEN" : "")}."
    );
    if (held.Count > 0)
        Console.WriteLine($"PostGraphile v5: default naming at {held[0].Endpoint}, Constructive naming at {held[1].Endpoint}.");
    foreach (var database in sizes)
        Console.WriteLine($"  {database.Name}: --database-id {database.Id}");
    Console.WriteLine("Holding until standard input ends.");
    await Console.In.ReadToEndAsync();
    foreach (var server in held)
        await server.DisposeAsync();
    File.Delete(env);
    return 0;
}

foreach (var database in sizes.Where(d => options.SqlSizes.Contains(d.MetaRows)))
{
    var result = new SqlResult(SizeLabel.Format(database.MetaRows), database.MetaRows, database.SqlActions)
    {
        Peer = options.PeerSizes.Contains(database.MetaRows) ? new PeerResult() : null,
    };
    var script = await SqlFloor.WriteScriptAsync(
        servers.ConnectionString,
        database.Id,
        Path.Combine(Path.GetTempPath(), $"pgpm-bench-floor-{database.Name}.sql")
    );
    for (var repetition = 0; repetition <= options.Repetitions; repetition++)
    {
        var timed = repetition > 0;
        var floor = await SqlFloor.RunAsync(servers, script);
        var (concurrent, concurrentOutput) = await export.SqlAsync(servers.ConnectionString, database.Id, options.Concurrency);
        var (sequential, sequentialOutput) = await export.SqlAsync(servers.ConnectionString, database.Id, 1);
        var hash = OutputTree.Hash(concurrentOutput);
        result.ConcurrentEqualsSequential &= hash == OutputTree.Hash(sequentialOutput);
        sqlHashes[database.MetaRows] = hash;
        result.OutputBytes = OutputTree.Bytes(concurrentOutput);
        OutputTree.Delete(concurrentOutput);
        OutputTree.Delete(sequentialOutput);
        Measurement? theirs = null;
        if (result.Peer is { } peerResult)
        {
            // Interleaved with ours in every repetition, so both see the same load.
            var (measured, report, peerOutput) = await peer.ExportAsync(servers, database.Id);
            theirs = measured;
            peerResult.Rows = report.Rows;
            peerResult.ColumnsWritten = report.ColumnsWritten;
            peerResult.ColumnsLeftOut = report.ColumnsLeftOut.ToList();
            peerResult.OutputBytes = OutputTree.Bytes(peerOutput);
            OutputTree.Delete(peerOutput);
        }
        if (!timed)
            continue;
        if (theirs is not null)
        {
            result.Peer!.Runs.Add(theirs.Seconds);
            result.Peer.PeakRuns.Add(theirs.PeakMegabytes);
        }
        result.Floor.Seconds.Add(floor.Seconds);
        result.Export.Seconds.Add(concurrent.Seconds);
        result.Sequential.Seconds.Add(sequential.Seconds);
        result.PeakMegabytes.Add(concurrent.PeakMegabytes);
        Console.WriteLine(
            $"  SQL {result.Size} #{repetition}: floor {floor.Seconds:0.000}s, "
                + $"export {concurrent.Seconds:0.000}s ({concurrent.PeakMegabytes:0} MB), sequential {sequential.Seconds:0.000}s"
                + (theirs is null ? "" : $", peer {theirs.Seconds:0.000}s ({theirs.PeakMegabytes:0} MB)")
        );
    }
    if (result.Peer is not null)
        result.Peer.Speedup = result.Peer.Seconds / result.Export.Median;
    File.Delete(script);
    run.Sql.Add(result);
}

foreach (
    var dialect in options.GraphQLSizes.Count > 0 ? [GraphQLDialect.Default, GraphQLDialect.Constructive] : Array.Empty<GraphQLDialect>()
)
{
    var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    Console.WriteLine($"Starting PostGraphile v5 ({dialect} dialect, with the exportSqlActions plugin)…");
    await using var graphql = await LocalGraphQLServer.StartAsync(
        servers.Postgres,
        BenchServers.DatabaseName,
        new GraphQLServerOptions
        {
            Dialect = dialect,
            ExportSqlActionsPlugin = true,
            Token = token,
        }
    );
    foreach (var database in sizes.Where(d => options.GraphQLSizes.Contains(d.MetaRows)))
    {
        var result = new GraphQLResult(dialect.ToString().ToLowerInvariant(), SizeLabel.Format(database.MetaRows), database.MetaRows);
        IReadOnlyList<IReadOnlyList<string>> requests;
        await using (var proxy = new RecordingProxy(graphql.Endpoint, LoopbackPort.Free()))
        {
            var (_, recorded) = await export.GraphQLAsync(proxy.Endpoint, token, database.Id, options.Concurrency);
            OutputTree.Delete(recorded);
            requests = proxy.PageRequestsByConnection();
        }
        result.Requests = requests.Sum(r => r.Count);
        for (var repetition = 0; repetition <= options.Repetitions; repetition++)
        {
            var floor = await GraphQLFloor.RunAsync(graphql.Endpoint, token, requests, options.Concurrency);
            var (measurement, output) = await export.GraphQLAsync(graphql.Endpoint, token, database.Id, options.Concurrency);
            if (!sqlHashes.TryGetValue(database.MetaRows, out var sqlHash))
            {
                var (_, sqlOutput) = await export.SqlAsync(servers.ConnectionString, database.Id, options.Concurrency);
                sqlHashes[database.MetaRows] = sqlHash = OutputTree.Hash(sqlOutput);
                OutputTree.Delete(sqlOutput);
            }
            result.EqualsSqlExport &= OutputTree.Hash(output) == sqlHash;
            OutputTree.Delete(output);
            if (repetition == 0)
                continue;
            result.Floor.Seconds.Add(floor);
            result.Export.Seconds.Add(measurement.Seconds);
            result.PeakMegabytes.Add(measurement.PeakMegabytes);
            Console.WriteLine(
                $"  GraphQL {result.Dialect} {result.Size} #{repetition}: floor {floor:0.000}s, "
                    + $"export {measurement.Seconds:0.000}s ({measurement.PeakMegabytes:0} MB)"
            );
        }
        run.GraphQL.Add(result);
    }
}

run.Targets.AddRange(BenchTargets.Check(run));
BenchReport.Print(run, Console.Out);
Directory.CreateDirectory(Path.GetDirectoryName(options.JsonPath)!);
await File.WriteAllTextAsync(
    options.JsonPath,
    JsonSerializer.Serialize(run, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase })
        + "\n"
);
var markdown = Path.ChangeExtension(options.JsonPath, ".md");
await File.WriteAllTextAsync(markdown, BenchReport.Markdown(run));
Console.WriteLine($"Results written to {options.JsonPath}, and as README's Performance table to {markdown}.");
return 0;
