namespace Pgpm.Export.Sandbox;

/// <summary>The built-in sample: the "pets" Constructive database of <c>sandbox/sample/pets.sql</c> on a local server.</summary>
public static class SampleDatabase
{
    public const string DatabaseName = "constructive";
    public const string SampleName = "pets";
    public static readonly Guid SampleId = Guid.Parse("5e7a0000-0000-4000-8000-000000000001");

    /// <summary>Creates the database, installs the real schema and loads the sample.</summary>
    public static async Task CreateAsync(LocalPostgres server, CancellationToken cancellationToken = default)
    {
        await server.CreateDatabaseAsync(DatabaseName, cancellationToken: cancellationToken).ConfigureAwait(false);
        await ConstructiveSchema.InstallAsync(server, DatabaseName, cancellationToken).ConfigureAwait(false);
        await server
            .RunFileAsync(DatabaseName, Path.Combine(SandboxFiles.Directory(), "sample", "pets.sql"), cancellationToken)
            .ConfigureAwait(false);
    }
}
