using Pgpm.Export.Sandbox;
using Xunit;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL 15 cluster for the whole test run, with a template database holding the real
/// Constructive schema (from npm), db_migrate.sql_actions and the extra fixture table; each test makes its own
/// databases from the template.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Template = "constructive_template";
    private int _counter;

    public LocalPostgres Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LocalPostgres.StartAsync();
        await Server.CreateDatabaseAsync(Template);
        await ConstructiveSchema.InstallAsync(Server, Template);
        await Server.RunFileAsync(Template, FixtureFiles.Path("extra_table.sql"));
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }

    /// <summary>A new database with the schema and no data.</summary>
    public async Task<string> NewDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _counter)}";
        await Server.CreateDatabaseAsync(name, Template);
        return name;
    }

    /// <summary>A new database with the schema and the built-in "pets" sample (the demo's data).</summary>
    public async Task<string> NewSampleDatabaseAsync(string purpose)
    {
        var name = await NewDatabaseAsync(purpose);
        await Server.RunFileAsync(name, System.IO.Path.Combine(SandboxFiles.Directory(), "sample", "pets.sql"));
        return name;
    }

    /// <summary>A new database with the schema and the nasty fixture loaded.</summary>
    public Task<string> NewFixtureDatabaseAsync(string purpose) => NewDatabaseWithAsync(purpose, "nasty_data.sql");

    /// <summary>A new database with the parity fixture: the nasty one less what a PostGraphile server cannot carry.</summary>
    public Task<string> NewParityDatabaseAsync(string purpose) => NewDatabaseWithAsync(purpose, "parity_data.sql");

    /// <summary>A login role that may read every table an export reads in <paramref name="database"/>, and nothing else; returns its
    /// connection string.</summary>
    public async Task<string> NewReaderRoleAsync(string database, string role, string password)
    {
        await Server.ExecuteAsync(
            database,
            $"""
            CREATE ROLE "{role}" LOGIN PASSWORD '{password}';
            GRANT USAGE ON SCHEMA metaschema_public, services_public, metaschema_modules_public, db_migrate TO "{role}";
            GRANT SELECT ON ALL TABLES IN SCHEMA metaschema_public, services_public, metaschema_modules_public, db_migrate TO "{role}";
            """
        );
        return Server.ConnectionString(database, role, password);
    }

    private async Task<string> NewDatabaseWithAsync(string purpose, string metadataFile)
    {
        var name = await NewDatabaseAsync(purpose);
        await Server.RunFileAsync(name, FixtureFiles.Path(metadataFile));
        await Server.RunFileAsync(name, FixtureFiles.Path("shared_rows.sql"));
        return name;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
