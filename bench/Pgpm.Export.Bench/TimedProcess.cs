using System.Diagnostics;
using System.Globalization;

namespace Pgpm.Export.Bench;

/// <summary>One run of a program: its wall time, its peak resident memory as GNU time reports it (ru_maxrss), and what it
/// printed.</summary>
internal sealed record Measurement(double Seconds, double PeakMegabytes, string StandardOutput = "");

/// <summary>Runs a program under <c>/usr/bin/time</c>, timing it from start to exit and failing with its own words.</summary>
internal static class TimedProcess
{
    public const string GnuTime = "/usr/bin/time";

    public static async Task<Measurement> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? standardOutputFile = null
    )
    {
        var report = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo(GnuTime)
            {
                RedirectStandardOutput = standardOutputFile is null,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-f", "%M", "-o", report, fileName }.Concat(arguments))
                info.ArgumentList.Add(argument);
            if (environment is not null)
                foreach (var (key, value) in environment)
                    info.Environment[key] = value;

            Process process;
            var stopwatch = Stopwatch.StartNew();
            if (standardOutputFile is null)
            {
                process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            }
            else
            {
                // The shell redirects standard output to the file, so no byte passes through this process.
                info.FileName = "/bin/sh";
                info.ArgumentList.Clear();
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add("exec \"$@\" > \"$0\"");
                info.ArgumentList.Add(standardOutputFile);
                foreach (var argument in new[] { GnuTime, "-f", "%M", "-o", report, fileName }.Concat(arguments))
                    info.ArgumentList.Add(argument);
                process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            }
            string printed;
            using (process)
            {
                var stdout = standardOutputFile is null ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync().ConfigureAwait(false);
                stopwatch.Stop();
                var errors = await stderr.ConfigureAwait(false);
                printed = await stdout.ConfigureAwait(false);
                if (process.ExitCode != 0)
                    throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {errors.Trim()}");
            }
            var kilobytes = File.ReadAllLines(report).Select(l => l.Trim()).Last(l => l.Length > 0);
            return new Measurement(stopwatch.Elapsed.TotalSeconds, double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0, printed);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
