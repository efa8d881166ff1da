using Pgpm.Export.Exporting;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>Runs the real exporter over the real SQL source of a test database.</summary>
public static class SqlExport
{
    public static readonly Guid Acme = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid Other = Guid.Parse("b0000000-0000-4000-8000-00000000000b");

    public static Task<ExportResult> RunAsync(
        PostgresFixture postgres,
        string database,
        string outputPath,
        RecordingLog? log = null,
        Func<ExportOptions, ExportOptions>? adjust = null,
        CancellationToken cancellationToken = default
    ) => RunAsync(postgres.Server, database, outputPath, log, adjust, cancellationToken);

    public static async Task<ExportResult> RunAsync(
        Sandbox.LocalPostgres server,
        string database,
        string outputPath,
        RecordingLog? log = null,
        Func<ExportOptions, ExportOptions>? adjust = null,
        CancellationToken cancellationToken = default
    )
    {
        await using var source = await SqlExportSource.OpenAsync(server.ConnectionString(database), log, cancellationToken);
        var options = Options(outputPath);
        if (adjust is not null)
            options = adjust(options);
        return await PgpmCheck.PlansParseAsync(await new ProjectExporter(source, log).ExportAsync(options, cancellationToken));
    }

    /// <summary>The options every test export starts from: acme-crm, into <paramref name="outputPath"/>, by a fixed author.</summary>
    public static ExportOptions Options(string outputPath) =>
        new()
        {
            OutputPath = outputPath,
            DatabaseId = Acme,
            Author = "Test Author <test@example.com>",
        };
}
