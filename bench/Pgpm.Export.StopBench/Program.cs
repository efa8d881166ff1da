using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Pgpm.Export.Bench;
using Pgpm.Export.Sandbox;
using Pgpm.Export.StopBench;

// Ctrl+C and -WhatIf on a synthetic database (see bench/stop, which builds what this needs):
//   --module PSD1   the built module     --cli DLL      the built command line
//   --rows 400k     meta rows            --delays 0.5,1,2,4,8   seconds into an export to stop it at
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = StopOptions.Parse(args);
var work = Path.Combine(Path.GetTempPath(), "pgpm-stopbench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
var database = SyntheticDatabase.OfSize(options.Rows);

string connectionString;
LocalPostgres? postgres = null;
if (options.ConnectionString is { } given)
{
    connectionString = given;
}
else
{
    Console.WriteLine(
        $"Starting PostgreSQL and generating {database.Name} ({database.MetaRows} meta rows, {database.SqlActions} sql_actions)…"
    );
    postgres = await LocalPostgres.StartAsync();
    await postgres.CreateDatabaseAsync("bench");
    await ConstructiveSchema.InstallAsync(postgres, "bench");
    await database.CreateAsync(postgres, "bench", CancellationToken.None);
    connectionString = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString("bench")) { Pooling = true }.ConnectionString;
}
await using var server = postgres;
if (options.Serve)
{
    Console.WriteLine(connectionString);
    await Console.In.ReadToEndAsync();
    return 0;
}
var rowsRead = new RowsRead(connectionString);

using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
Run(runspace, "param($m) Import-Module $m -ErrorAction Stop", options.ModuleManifest!);
const string export = "param($c, $id, $out) Export-PgpmProject -ConnectionString $c -DatabaseId $id -OutputPath $out";

var clock = new Stopwatch();
if (options.Parts.Contains("whatif"))
{
    // A whole export first: how long one takes, and what a -WhatIf costs beside it.
    var full = Path.Combine(work, "full");
    var before = await rowsRead.CountAsync();
    clock.Restart();
    Run(runspace, export, connectionString, database.Id, full);
    Console.WriteLine(
        $"Export-PgpmProject: {clock.Elapsed.TotalSeconds:0.00} s, {Files.Count(full)} files written, "
            + $"{await rowsRead.CountAsync() - before} meta rows read"
    );
    Directory.Delete(full, recursive: true);

    var whatIfTarget = Path.Combine(work, "whatif");
    Directory.CreateDirectory(whatIfTarget);
    var temp = Path.GetTempPath();
    using var targetFiles = new CreatedFiles(whatIfTarget);
    using var tempFiles = new CreatedFiles(temp);
    before = await rowsRead.CountAsync();
    clock.Restart();
    Run(runspace, export + " -WhatIf", connectionString, database.Id, whatIfTarget);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(
        $"Export-PgpmProject -WhatIf: {seconds:0.00} s, {targetFiles.Count} entries created in the target, "
            + $"{tempFiles.Count} in {temp}, {await rowsRead.CountAsync() - before} meta rows read"
    );
}

if (options.Parts.Contains("stop"))
{
    foreach (var delay in options.Delays)
    {
        var target = Path.Combine(work, $"stop-{delay}");
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(export).AddArgument(connectionString).AddArgument(database.Id).AddArgument(target);
        var running = shell.BeginInvoke();
        await Task.Delay(TimeSpan.FromSeconds(delay));
        var staged = Files.Count(target);
        var finished = running.IsCompleted;
        clock.Restart();
        shell.Stop();
        var stopped = clock.Elapsed.TotalMilliseconds;
        // The staged files are deleted in the background after the stop returns: wait on the module's own signal, then look.
        Run(runspace, "[void][Pgpm.Export.Writing.DiscardedDirectories]::WhenDeletedAsync().Wait([timespan]::FromMinutes(2))");
        var deleted = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(
            $"Export-PgpmProject stopped at {delay} s ({(finished ? "already finished" : $"{staged} files staged")}): "
                + $"Stop() took {stopped:0} ms ({Target(stopped)}), staging deleted after {deleted:0} ms; "
                + $"left behind: {(finished ? "(the export)" : Files.Describe(target))}"
        );
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
    }
}

if (options.Cli is { } cli && options.Parts.Contains("cli"))
{
    foreach (var delay in options.Delays)
    {
        var target = Path.Combine(work, $"cli-{delay}");
        var info = new ProcessStartInfo(cli)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", connectionString, "--database-id", database.Id.ToString(), "-o", target })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        // When the last line of standard error (the 'cancelled' line) arrived: the stop itself; what follows until the
        // exit is the process's end, which waits for the staged files' deletion.
        var stderrLines = new List<string>();
        var lastLineAt = 0.0;
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lastLineAt = clock.Elapsed.TotalMilliseconds;
                stderrLines.Add(line);
            }
        });
        var stdout = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(delay));
        var staged = Files.Count(target);
        var finished = process.HasExited;
        clock.Restart();
        await ProcessRunner.RunAsync("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)], check: false);
        await process.WaitForExitAsync();
        var stopped = clock.Elapsed.TotalMilliseconds;
        await stderr;
        Console.WriteLine(
            $"pgpm-export interrupted at {delay} s ({(finished ? "already finished" : $"{staged} files staged")}): "
                + $"exit {process.ExitCode} after {stopped:0} ms ({Target(stopped)}; its last line after {lastLineAt:0} ms); "
                + $"left behind: {(finished ? "(the export)" : Files.Describe(target))}; {string.Join(" ", stderrLines).Trim()}"
        );
        await stdout;
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
    }
}

Directory.Delete(work, recursive: true);
return 0;

// The target: Ctrl+C brings the prompt back at any point of the export, within the time Target checks.
static string Target(double milliseconds) => milliseconds <= 1000 ? "1 s target met" : "1 s target MISSED";

static void Run(Runspace runspace, string script, params object[] arguments)
{
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript(script);
    foreach (var argument in arguments)
        shell.AddArgument(argument);
    shell.Invoke();
    if (shell.Streams.Error.Count > 0)
        throw new InvalidOperationException(shell.Streams.Error[0].ToString());
}
