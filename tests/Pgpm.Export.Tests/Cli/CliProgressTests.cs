using Pgpm.Export.Cli;
using Pgpm.Export.Exporting;
using Pgpm.Export.Model;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.Sql;
using Pgpm.Export.Tests.Infrastructure;
using Spectre.Console.Testing;
using Xunit;

namespace Pgpm.Export.Tests.Cli;

/// <summary>
/// "The command line's long work shows progress": on a terminal, pgpm-export draws the engine's progress
/// (tables done of planned, rows per table, rate-limit waits) with Spectre.Console on standard error; redirected, it prints
/// exactly what it printed before. The terminal here is Spectre's own TestConsole.
/// </summary>
[Collection(PostgresCollection.Name)]
public class CliProgressTests(PostgresFixture postgres)
{
    private static readonly TableRef Field = new("metaschema_public", "field");
    private static readonly TableRef Table = new("metaschema_public", "table");

    private static TestConsole Terminal() => new TestConsole().Width(200).Interactive();

    [Fact]
    public async Task Redirected_output_is_the_same_bytes_whatever_the_progress_flag_says()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_progress_redirected");
        var connection = postgres.Server.ConnectionString(database);
        var runs = new List<(int Exit, string Out, string Err)>();
        foreach (var flag in new[] { null, "never", "auto", "always" })
        {
            using var output = new TempDirectory();
            // One table at a time: with several, the verbose lines' order follows the reads' interleaving, which is not the flag's doing.
            string[] args =
            [
                "--connection-string",
                connection,
                "--database",
                "acme-crm",
                "--out",
                output.Path,
                "--verbose",
                "--concurrency",
                "1",
            ];
            var run = await CliRun.RunAsync(flag is null ? args : [.. args, "--progress", flag]);
            runs.Add((run.Exit, run.Out.Replace(output.Path, "OUT"), run.Err.Replace(output.Path, "OUT")));
        }
        Assert.All(runs, r => Assert.Equal(runs[0], r));
        Assert.Equal(0, runs[0].Exit);
        // Standard output is the summary alone; standard error only the log lines, with no cursor movement or drawing.
        Assert.Equal(
            ["wrote database package acme-crm: ", "wrote service package acme-crm-service: "],
            runs[0].Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..(l.IndexOf(':') + 2)]).ToArray()
        );
        Assert.All(runs[0].Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Matches("^(verbose|warning): ", l));
        Assert.DoesNotContain('\u001b', runs[0].Err);
    }

    [Fact]
    public async Task An_unknown_progress_mode_is_a_usage_error_naming_the_flag()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("--progress", "sometimes", "--database", "x", "--out", "o");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(
            "pgpm-export: --progress takes auto, always or never, not 'sometimes'. (see pgpm-export --help)",
            stderr.TrimEnd('\n')
        );
        Assert.DoesNotContain("Pgpm.Export", stderr);
    }

    [Fact]
    public async Task A_terminal_shows_tables_done_of_planned_and_rows_and_keeps_the_summary_on_standard_output()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_progress_terminal");
        var connection = postgres.Server.ConnectionString(database);
        using var redirected = new TempDirectory();
        var plain = await CliRun.RunAsync(
            "--connection-string",
            connection,
            "--database",
            "acme-crm",
            "--out",
            redirected.Path,
            "--verbose"
        );
        using var terminal = Terminal();
        using var drawn = new TempDirectory();

        var (exit, stdout, stderr) = await CliRun.RunAsync(
            ProgressTerminal.Of(terminal),
            "--connection-string",
            connection,
            "--database",
            "acme-crm",
            "--out",
            drawn.Path,
            "--verbose"
        );

        Assert.Equal(0, exit);
        Assert.Equal(plain.Out.Replace(redirected.Path, "OUT"), stdout.Replace(drawn.Path, "OUT"));
        WorkspaceAssert.Identical(redirected.Path, drawn.Path, minimumFiles: 30);
        // The log lines went through the display (above it), none straight to standard error where they would garble it.
        Assert.Equal("", stderr);
        var screen = terminal.Output;
        foreach (var line in plain.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(line.TrimEnd(), screen);
        // The final state: every planned table done (sql_actions and the meta tables the source has), with the rows written.
        var service = int.Parse(
            System.Text.RegularExpressions.Regex.Match(stdout, @"service package \S+: \d+ changes, (\d+) rows").Groups[1].Value
        );
        var actions = int.Parse(System.Text.RegularExpressions.Regex.Match(stdout, @"database package \S+: (\d+) changes").Groups[1].Value);
        var final = System
            .Text.RegularExpressions.Regex.Matches(screen, @"Exporting: (\d+) of (\d+) tables done, (\d+) rows written")
            .Last();
        Assert.Equal(final.Groups[1].Value, final.Groups[2].Value);
        Assert.True(int.Parse(final.Groups[2].Value) > 11, final.Value);
        Assert.Equal(service + actions, int.Parse(final.Groups[3].Value));
    }

    [Fact]
    public async Task Never_draws_nothing_on_a_terminal_and_prints_the_log_on_standard_error()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_progress_never");
        using var terminal = Terminal();
        using var output = new TempDirectory();
        var (exit, _, stderr) = await CliRun.RunAsync(
            ProgressTerminal.Of(terminal),
            "--connection-string",
            postgres.Server.ConnectionString(database),
            "--database",
            "acme-crm",
            "--out",
            output.Path,
            "--progress",
            "never"
        );
        Assert.Equal(0, exit);
        Assert.Equal("", terminal.Output);
        Assert.Contains("warning: metaschema_public.export_value_fixture is not in the manifest", stderr);
    }

    [Fact]
    public async Task A_rate_limit_wait_over_GraphQL_reaches_the_display_with_the_wait_and_what_it_was_doing()
    {
        var database = await postgres.NewSampleDatabaseAsync("cli_progress_429");
        await using var server = await LocalGraphQLServer.StartAsync(
            postgres.Server,
            database,
            new GraphQLServerOptions
            {
                ExportSqlActionsPlugin = true,
                Dialect = GraphQLDialect.Constructive,
                Token = "cli-progress-5b1e",
                RateLimit = (120, 2),
            }
        );
        using var terminal = Terminal();
        using var output = new TempDirectory();

        var (exit, stdout, _) = await CliRun.RunAsync(
            ProgressTerminal.Of(terminal),
            "--graphql-endpoint",
            server.Endpoint.ToString(),
            "--token",
            "cli-progress-5b1e",
            "--header",
            "X-Meta-Schema: true",
            "--database",
            "pets",
            "--page-size",
            "5",
            "--out",
            output.Path
        );

        Assert.Equal(0, exit);
        Assert.Contains("wrote service package pets-service", stdout);
        Assert.Matches(
            @"waiting \d+\.\d s of \d+\.\d s: "
                + System.Text.RegularExpressions.Regex.Escape(server.Endpoint.ToString())
                + @" rate-limited the export \(HTTP 429 Too Many Requests\) while (reading|asking which meta tables have rows)",
            terminal.Output
        );
        Assert.DoesNotContain("cli-progress-5b1e", terminal.Output);
    }

    [Fact]
    public void The_view_renders_tables_rows_the_wait_line_and_the_final_state()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero));
        var view = new ExportProgressView(clock);
        var redraws = 0;
        view.Changed += () => redraws++;

        Assert.Equal(["Exporting: reading the source…"], Lines(view));

        view.Report(new TablesPlanned([new TableRef("db_migrate", "sql_actions")]));
        view.Report(new TablesPlanned([Field, Table]));
        view.Report(new TableProgress(Field, 1000, Completed: false));
        view.Report(new TableProgress(new TableRef("db_migrate", "sql_actions"), 5, Completed: true));
        view.Report(new RateLimitWait("https://api.example.com/graphql", TimeSpan.FromSeconds(2), "reading metaschema_public.field"));
        Assert.Equal(4, redraws); // a plan, a plan, a table done, a wait: not the row count
        Assert.Equal(
            [
                "Exporting: 1 of 3 tables done, 1005 rows written",
                "  metaschema_public.field: 1000 rows so far",
                "  waiting 2.0 s of 2.0 s: https://api.example.com/graphql rate-limited the export "
                    + "(HTTP 429 Too Many Requests) while reading metaschema_public.field",
            ],
            Lines(view)
        );

        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Contains(
            "  waiting 0.5 s of 2.0 s: https://api.example.com/graphql rate-limited the export "
                + "(HTTP 429 Too Many Requests) while reading metaschema_public.field",
            Lines(view)
        );
        clock.Advance(TimeSpan.FromSeconds(1));
        view.Report(new TableProgress(Field, 1234, Completed: true));
        view.Report(new TableProgress(Table, 0, Completed: true));
        Assert.Equal(["Exporting: 3 of 3 tables done, 1239 rows written"], Lines(view));
    }

    [Fact]
    public async Task Every_planned_table_of_a_real_export_is_reported_done_once_with_its_rows()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_progress_engine");
        using var output = new TempDirectory();
        var reports = new List<ExportProgress>();
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        var result = await new ProjectExporter(source, progress: new SynchronousProgress<ExportProgress>(reports.Add)).ExportAsync(
            new ExportOptions { OutputPath = output.Path, DatabaseId = SqlExport.Acme }
        );

        var planned = reports.OfType<TablesPlanned>().SelectMany(p => p.Tables).ToList();
        var done = reports.OfType<TableProgress>().Where(t => t.Completed).ToList();
        Assert.Equal(planned.Order(), done.Select(d => d.Table).Order());
        Assert.Contains(new TableRef("db_migrate", "sql_actions"), planned);
        Assert.Contains(done, d => d.Rows == 0); // a table with no rows for the database is done too, or the count never reaches the total
        Assert.Equal(result.Packages.Sum(p => p.Rows), done.Sum(d => d.Rows));
    }

    /// <summary>
    /// A newcomer saw "1 of 1 table done" flash before the total grew: each package reported its own plan, and
    /// sql_actions could be done before the meta tables were planned. The whole plan now comes first, in one report.
    /// </summary>
    [Fact]
    public async Task The_whole_plan_is_reported_once_before_any_table()
    {
        var database = await postgres.NewFixtureDatabaseAsync("cli_progress_plan");
        using var output = new TempDirectory();
        var reports = new List<ExportProgress>();
        await using var source = await SqlExportSource.OpenAsync(postgres.Server.ConnectionString(database));
        await new ProjectExporter(source, progress: new SynchronousProgress<ExportProgress>(reports.Add)).ExportAsync(
            new ExportOptions { OutputPath = output.Path, DatabaseId = SqlExport.Acme }
        );

        var plan = Assert.Single(reports.OfType<TablesPlanned>());
        Assert.IsType<TablesPlanned>(reports[0]);
        Assert.Contains(new TableRef("db_migrate", "sql_actions"), plan.Tables);
        Assert.Contains(Field, plan.Tables);
    }

    private static string[] Lines(ExportProgressView view)
    {
        using var console = new TestConsole().Width(300);
        console.Write(view.Render());
        return console.Lines.Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
    }
}
