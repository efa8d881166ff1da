using Pgpm.Export.Export;
using Pgpm.Export.Sandbox;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Cli;

/// <summary>
/// <c>pgpm-export demo</c>: the main job end to end on the built-in sample. It starts a throwaway PostgreSQL on
/// loopback with the real Constructive schema and the "pets" sample, exports it, prints what it wrote, and
/// stops everything it started.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string outputPath, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        output.WriteLine("Starting a throwaway PostgreSQL on 127.0.0.1 with the Constructive schema and the 'pets' sample…");
        await using var server = await LocalPostgres.StartAsync(cancellationToken).ConfigureAwait(false);
        await SampleDatabase.CreateAsync(server, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"PostgreSQL is up on port {server.Port}; exporting database '{SampleDatabase.SampleName}' ({SampleDatabase.SampleId}) over SQL.");

        var log = new ConsoleExportLog(error, verbose);
        await using var source = await SqlExportSource.OpenAsync(server.ConnectionString(SampleDatabase.DatabaseName), log, cancellationToken).ConfigureAwait(false);
        var result = await new ProjectExporter(source, log).ExportAsync(new ExportOptions
        {
            OutputPath = outputPath,
            DatabaseId = SampleDatabase.SampleId,
            Author = "Pgpm Export Demo <demo@pgpm.example>",
        }, cancellationToken).ConfigureAwait(false);

        var root = Path.GetFullPath(outputPath);
        foreach (var package in result.Packages)
        {
            output.WriteLine($"wrote {package.Kind.ToString().ToLowerInvariant()} package {package.Name}: {package.Changes} changes, {package.Rows} rows");
            foreach (var file in Directory.EnumerateFiles(package.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                output.WriteLine($"  {Path.GetRelativePath(root, file).Replace('\\', '/'),-70} {new FileInfo(file).Length,8} bytes");
        }
        output.WriteLine($"The workspace is {root}. Stopping PostgreSQL.");
        return result.Packages.Count == 2 ? CliApplication.Success : CliApplication.Failed;
    }
}
