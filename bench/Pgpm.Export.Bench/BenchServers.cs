using System.Globalization;
using Pgpm.Export.Sandbox;

namespace Pgpm.Export.Bench;

/// <summary>The throwaway PostgreSQL the benchmark fills: one database, "bench", holding every synthetic Constructive database.</summary>
internal sealed class BenchServers(LocalPostgres postgres) : IAsyncDisposable
{
    public const string DatabaseName = "bench";

    public LocalPostgres Postgres { get; } = postgres;
    public string Host => LocalPostgres.Host;
    public string Port => Postgres.Port.ToString(CultureInfo.InvariantCulture);
    public string User => LocalPostgres.SuperUser;
    public string Password => Postgres.Password;
    public string Database => DatabaseName;

    /// <summary>As a user would write it: with Npgsql's default connection pooling, which the test servers turn off.</summary>
    public string ConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString(DatabaseName)) { Pooling = true }.ConnectionString;

    public static async Task<BenchServers> StartAsync(IEnumerable<SyntheticDatabase> databases, TextWriter progress)
    {
        var postgres = await LocalPostgres.StartAsync().ConfigureAwait(false);
        try
        {
            await postgres.CreateDatabaseAsync(DatabaseName).ConfigureAwait(false);
            await ConstructiveSchema.InstallAsync(postgres, DatabaseName).ConfigureAwait(false);
            foreach (var database in databases)
            {
                progress.WriteLine($"Generating {database.Name}: {database.MetaRows} meta rows and {database.SqlActions} sql_actions…");
                await database.CreateAsync(postgres, DatabaseName, CancellationToken.None).ConfigureAwait(false);
            }
            return new BenchServers(postgres);
        }
        catch
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => Postgres.DisposeAsync();
}
