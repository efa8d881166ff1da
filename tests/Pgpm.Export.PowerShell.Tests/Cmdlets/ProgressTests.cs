using System.Management.Automation;
using Pgpm.Export.PowerShell.Tests.Infrastructure;
using Pgpm.Export.Tests.Infrastructure;
using Xunit;

namespace Pgpm.Export.PowerShell.Tests.Cmdlets;

/// <summary>
/// Export-PgpmProject's Write-Progress moves a bar: each record carries how much of the export's plan (sql_actions and
/// every meta table the source has) is done, as PercentComplete, and says "N of M tables". Before, PercentComplete was
/// always -1 (no bar) and the status counted tables done without a total.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class ProgressTests(ModuleFixture module)
{
    [Theory]
    [InlineData("-ConnectionString $connectionString")]
    [InlineData("-GraphQLEndpoint $endpoint -Token $token")]
    public void Export_progress_has_a_percentage_that_rises_to_100(string source)
    {
        var host = new TestHost(interactive: false);
        var records = new List<ProgressRecord>();
        host.OnProgress = record =>
        {
            lock (records)
                records.Add(record);
        };
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();
        shell.Invoke($"param($out) Export-PgpmProject {source} -DatabaseId $databaseId -OutputPath $out", output.Path).ThrowOnError();

        var processing = records.Where(r => r.RecordType == ProgressRecordType.Processing).ToList();
        var done = processing.Where(r => r.StatusDescription.Contains("(done;", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(done);
        var percents = done.Select(r => r.PercentComplete).ToList();
        Assert.All(percents, p => Assert.InRange(p, 0, 100));
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
        var total = System.Text.RegularExpressions.Regex.Match(done[^1].StatusDescription, @"(\d+) of (\d+) tables\)");
        Assert.True(total.Success, done[^1].StatusDescription);
        Assert.Equal(total.Groups[2].Value, total.Groups[1].Value);
        Assert.Equal(done.Count, int.Parse(total.Groups[2].Value));
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        // One bar, closed once (a PowerShell user's trial counted three Completed records: one per package's confirmation and one at the
        // end).
        Assert.Single(records, r => r.RecordType == ProgressRecordType.Completed);
    }

    /// <summary>
    /// A newcomer's trial: the -Confirm and "Replace an existing package" prompts appeared under a progress bar still
    /// showing "47 of 55 tables". Every table is read before the first question, so the bar is closed before it.
    /// </summary>
    [Fact]
    public void The_progress_bar_is_closed_before_a_confirmation_is_asked()
    {
        var host = new TestHost(interactive: true, choice: 0);
        var events = new List<string>();
        host.OnProgress = record =>
        {
            lock (events)
                events.Add(record.RecordType.ToString());
        };
        host.OnPrompt = () =>
        {
            lock (events)
                events.Add("prompt");
        };
        using var shell = new PowerShellRun(module, host);
        using var output = new TempDirectory();
        shell
            .Invoke(
                "param($out) Export-PgpmProject -ConnectionString $connectionString -DatabaseId $databaseId -OutputPath $out -Confirm",
                output.Path
            )
            .ThrowOnError();

        var firstPrompt = events.IndexOf("prompt");
        Assert.True(firstPrompt > 0, string.Join(",", events));
        Assert.Equal("Completed", events[firstPrompt - 1]);
    }
}
