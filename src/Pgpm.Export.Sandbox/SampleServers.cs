using System.Security.Cryptography;

namespace Pgpm.Export.Sandbox;

/// <summary>
/// The built-in sample, running: a throwaway PostgreSQL on loopback with the real Constructive schema and the
/// "pets" database, and a real PostGraphile v5 endpoint in front of it with the exportSqlActions plugin and a
/// random bearer token. Disposing stops both.
/// </summary>
public sealed class SampleServers : IAsyncDisposable
{
    private SampleServers(LocalPostgres postgres, LocalGraphQLServer graphql, string token)
    {
        Postgres = postgres;
        GraphQL = graphql;
        Token = token;
    }

    public LocalPostgres Postgres { get; }
    public LocalGraphQLServer GraphQL { get; }

    /// <summary>The sandbox endpoint's throwaway token.</summary>
    public string Token { get; }

    public string ConnectionString => Postgres.ConnectionString(SampleDatabase.DatabaseName);

    /// <param name="introspectionDisabled">Serve the endpoint as Constructive's server does with introspection off: queries asking for
    /// <c>__schema</c> or <c>__type</c> are refused with INTROSPECTION_DISABLED (see docs/graphql.md).</param>
    public static async Task<SampleServers> StartAsync(
        TextWriter progress,
        CancellationToken cancellationToken,
        bool introspectionDisabled = false
    )
    {
        progress.WriteLine("Starting a throwaway PostgreSQL on 127.0.0.1 with the Constructive schema and the 'pets' sample…");
        var postgres = await LocalPostgres.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SampleDatabase.CreateAsync(postgres, cancellationToken).ConfigureAwait(false);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            progress.WriteLine(
                "Starting PostGraphile v5 in front of it (with the exportSqlActions plugin, requiring a bearer token"
                    + (introspectionDisabled ? ", refusing introspection" : "")
                    + ")…"
            );
            var graphql = await LocalGraphQLServer
                .StartAsync(
                    postgres,
                    SampleDatabase.DatabaseName,
                    new GraphQLServerOptions
                    {
                        ExportSqlActionsPlugin = true,
                        Token = token,
                        IntrospectionDisabled = introspectionDisabled,
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            return new SampleServers(postgres, graphql, token);
        }
        catch
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await GraphQL.DisposeAsync().ConfigureAwait(false);
        await Postgres.DisposeAsync().ConfigureAwait(false);
    }
}
