using System.Security.Cryptography;
using Pgpm.Export.Cli;
using Pgpm.Export.Exporting;
using Pgpm.Export.Logging;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Sandbox.Cli;

/// <summary>
/// <c>pgpm-export demo</c>: the main job end to end on the built-in sample. It starts a throwaway PostgreSQL on
/// loopback with the real Constructive schema and the "pets" sample, and a real PostGraphile v5 endpoint (with
/// the exportSqlActions plugin and a bearer token) in front of it; exports over GraphQL, as a hosted customer
/// would; checks the result against an export over SQL; prints what it wrote; and stops everything it started.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(
        string outputPath,
        bool verbose,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken
    )
    {
        await using var servers = await SampleServers.StartAsync(output, cancellationToken).ConfigureAwait(false);
        var (postgres, graphql, token) = (servers.Postgres, servers.GraphQL, servers.Token);
        output.WriteLine($"Exporting database '{SampleDatabase.SampleName}' ({SampleDatabase.SampleId}) from {graphql.Endpoint}.");

        var log = new ConsoleExportLog(error, verbose);
        var options = new GraphQLEndpointOptions { Endpoint = graphql.Endpoint, Token = token };
        ExportResult result;
        var opening = GraphQLExportSource.OpenAsync(options, log: log, cancellationToken: cancellationToken);
        await using (var source = await opening.ConfigureAwait(false))
            result = await ExportAsync(source, outputPath, log, cancellationToken).ConfigureAwait(false);

        var root = Path.GetFullPath(outputPath);
        foreach (var package in result.Packages)
        {
            var kind = package.Kind.ToString().ToLowerInvariant();
            output.WriteLine(
                $"wrote {kind} package {package.Name}: " + $"{Counted.Of(package.Changes, "change")}, {Counted.Of(package.Rows, "row")}"
            );
            var files = Directory
                .EnumerateFiles(package.Path, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(file => (Path.GetRelativePath(root, file).Replace('\\', '/'), new FileInfo(file).Length))
                .ToList();
            foreach (var line in FileListing.Lines(files))
                output.WriteLine(line);
        }

        var same = await SameAsSqlExportAsync(postgres, root, cancellationToken).ConfigureAwait(false);
        output.WriteLine(
            same
                ? "Checked: an export of the same database over SQL is byte-identical."
                : "MISMATCH: an export of the same database over SQL differs from the GraphQL export."
        );
        output.WriteLine($"The workspace is {root}. Stopping PostGraphile and PostgreSQL.");
        return result.Packages.Count == 2 && same ? CliApplication.Success : CliApplication.Failed;
    }

    private static Task<ExportResult> ExportAsync(
        IExportSource source,
        string outputPath,
        IExportLog log,
        CancellationToken cancellationToken
    ) => new ProjectExporter(source, log).ExportAsync(Options(outputPath), cancellationToken);

    /// <summary>
    /// The demo's export: the sample database with every default, the author included, so what the demo writes is what
    /// <c>pgpm-export --database-id … --out …</c> writes for it.
    /// </summary>
    internal static ExportOptions Options(string outputPath) => new() { OutputPath = outputPath, DatabaseId = SampleDatabase.SampleId };

    private static async Task<bool> SameAsSqlExportAsync(
        LocalPostgres postgres,
        string graphqlWorkspace,
        CancellationToken cancellationToken
    )
    {
        var sqlWorkspace = Path.Combine(Path.GetTempPath(), "pgpm-export-demo-sql-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var connectionString = postgres.ConnectionString(SampleDatabase.DatabaseName);
            await using (var source = await SqlExportSource.OpenAsync(connectionString, null, cancellationToken).ConfigureAwait(false))
                await ExportAsync(source, sqlWorkspace, NullExportLog.Instance, cancellationToken).ConfigureAwait(false);
            return Snapshot(Path.Combine(sqlWorkspace, "packages")).SequenceEqual(Snapshot(Path.Combine(graphqlWorkspace, "packages")));
        }
        finally
        {
            if (Directory.Exists(sqlWorkspace))
                Directory.Delete(sqlWorkspace, recursive: true);
        }
    }

    private static IEnumerable<string> Snapshot(string root) =>
        Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f) + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
