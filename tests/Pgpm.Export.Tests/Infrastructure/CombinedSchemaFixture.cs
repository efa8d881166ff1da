using Pgpm.Export.Sandbox;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// A second throwaway PostgreSQL 15 cluster whose template database holds Constructive schema version 0.15.5,
/// installed by CREATE EXTENSION from the npm packages' combined scripts (<see cref="ConstructiveSchema.InstallCombinedAsync"/>).
/// The server runs from a private installation tree that holds those extension files.
/// </summary>
public sealed class CombinedSchemaFixture : IAsyncLifetime
{
    public const string Template = "constructive_0155_template";
    private readonly TempDirectory _files = new();
    private int _counter;

    public LocalPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalPostgres.StartAsync(extensionFiles: await ConstructiveSchema.CombinedExtensionFilesAsync(_files.Path));
        await Server.CreateDatabaseAsync(Template);
        await ConstructiveSchema.InstallCombinedAsync(Server, Template);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
        _files.Dispose();
    }

    /// <summary>A new 0.15.5 database with the "pets" sample as 0.15.5 holds it (Fixtures/pets_0155.sql).</summary>
    public async Task<string> NewSampleDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _counter)}";
        await Server.CreateDatabaseAsync(name, Template);
        await Server.RunFileAsync(name, FixtureFiles.Path("pets_0155.sql"));
        return name;
    }
}

[CollectionDefinition(Name)]
public sealed class CombinedSchemaCollection : ICollectionFixture<CombinedSchemaFixture>
{
    public const string Name = "postgres 0.15.5";
}
