using System.Diagnostics;

namespace Pgpm.Export.Sandbox;

/// <summary>Which names and filters the test server speaks.</summary>
public enum GraphQLDialect
{
    /// <summary>Plain PostGraphile v5 (Amber preset): allDatabases, rowId, condition, PRIMARY_KEY_ASC.</summary>
    Default,

    /// <summary>Constructive's server: databases, id, where { equalTo }, ID_ASC, upper-cased enums.</summary>
    Constructive,

    /// <summary>
    /// PostGraphile v4 (4.14.1; Constructive's older servers): allSchemata, nodeId beside the real id, condition,
    /// PRIMARY_KEY_ASC, <c>@omit</c> smart comments honoured, JSON as text unless <see cref="GraphQLServerOptions.DynamicJson"/>.
    /// </summary>
    PostGraphileV4,
}

/// <summary>The shape of the third-party style exportSqlActions the test server may add.</summary>
public enum NodeTypeSqlActions
{
    None,

    /// <summary><c>exportSqlActions(databaseId): [SqlAction!]!</c>, every row in one answer.</summary>
    List,

    /// <summary><c>exportSqlActions(databaseId, first, after…): SqlActionsConnection!</c>, paged with cursors.</summary>
    Connection,
}

/// <summary>How to start the test PostGraphile server (sandbox/graphql/server.mjs).</summary>
public sealed record GraphQLServerOptions
{
    public GraphQLDialect Dialect { get; init; } = GraphQLDialect.Default;

    /// <summary>Load the exportSqlActions plugin this project ships.</summary>
    public bool ExportSqlActionsPlugin { get; init; }

    /// <summary>
    /// Add a third-party style <c>exportSqlActions(databaseId)</c> that returns the table's own node type, as a list or a
    /// connection (sandbox/graphql/node-type-sql-actions.mjs); needs db_migrate in <see cref="Schemas"/>.
    /// </summary>
    public NodeTypeSqlActions NodeTypeSqlActions { get; init; }

    /// <summary>When set, requests without <c>Authorization: Bearer &lt;token&gt;</c> get HTTP 401.</summary>
    public string? Token { get; init; }

    /// <summary>Schemas to expose; default the three meta schemas.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Refuse pages larger than this with HTTP 400 PAGE_SIZE_TOO_LARGE, as Constructive's server does above 1000.</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>PostGraphile v4 only: serve json/jsonb as JSON values (<c>dynamicJson: true</c>) instead of v4's default, strings holding
    /// the JSON text.</summary>
    public bool DynamicJson { get; init; }

    /// <summary>
    /// Requests a minute and burst of a token-bucket rate limit, as Constructive's server limits a tenant (600 and 60 by
    /// default); a request over it gets HTTP 429 with Retry-After.
    /// </summary>
    public (int PerMinute, int Burst)? RateLimit { get; init; }

    /// <summary>Refuse longer request bodies with REQUEST_TOO_LARGE, as Constructive's server does above 1 MB.</summary>
    public int? MaxRequestBytes { get; init; }

    /// <summary>Answer HTTP 500 NO_DATABASE_ID to a request with X-Meta-Schema but no X-Database-Id, as Constructive's server
    /// does.</summary>
    public bool RequireDatabaseId { get; init; }

    /// <summary>Refuse queries asking for <c>__schema</c> or <c>__type</c> with the error code INTROSPECTION_DISABLED, as Constructive's
    /// server does when introspection is off.</summary>
    public bool IntrospectionDisabled { get; init; }

    /// <summary>HTTP statuses (429, 503…) answered, with Retry-After: 0, to the first requests, in order.</summary>
    public IReadOnlyList<int> LeadingFaults { get; init; } = [];
}

/// <summary>
/// A real PostGraphile server from npm (v5, or v4 for <see cref="GraphQLDialect.PostGraphileV4"/>) on 127.0.0.1, serving one database of a
/// <see cref="LocalPostgres"/>.
/// Started as a node process; ready when it prints its URL; stopped on dispose.
/// </summary>
public sealed class LocalGraphQLServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private LocalGraphQLServer(Process process, Uri endpoint, Task drain)
    {
        _process = process;
        Endpoint = endpoint;
        _drain = drain;
    }

    public Uri Endpoint { get; }

    public static async Task<LocalGraphQLServer> StartAsync(
        LocalPostgres postgres,
        string database,
        GraphQLServerOptions? options = null,
        CancellationToken cancellationToken = default
    )
    {
        options ??= new GraphQLServerOptions();
        SandboxFiles.NpmPackagesDirectory();
        var directory = Path.Combine(SandboxFiles.Directory(), "graphql");
        var info = new ProcessStartInfo("node", [options.Dialect == GraphQLDialect.PostGraphileV4 ? "server-v4.mjs" : "server.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["NODE_OPTIONS"] = $"--require {Path.Combine(directory, "node20-polyfill.cjs")} --preserve-symlinks";
        info.Environment["GRAPHILE_ENV"] = "production";
        info.Environment["PGPM_SANDBOX_DATABASE_URL"] =
            $"postgres://{LocalPostgres.SuperUser}:{Uri.EscapeDataString(postgres.Password)}"
            + $"@{LocalPostgres.Host}:{postgres.Port}/{Uri.EscapeDataString(database)}";
        info.Environment["PGPM_SANDBOX_DIALECT"] = options.Dialect == GraphQLDialect.Constructive ? "constructive" : "default";
        info.Environment["PGPM_SANDBOX_V4_DYNAMIC_JSON"] = options.DynamicJson ? "1" : "0";
        info.Environment["PGPM_SANDBOX_NO_INTROSPECTION"] = options.IntrospectionDisabled ? "1" : "0";
        info.Environment["PGPM_SANDBOX_PLUGIN"] = options.ExportSqlActionsPlugin ? "1" : "0";
        info.Environment["PGPM_SANDBOX_NODE_SQL_ACTIONS"] =
            options.NodeTypeSqlActions == NodeTypeSqlActions.None ? "" : options.NodeTypeSqlActions.ToString().ToLowerInvariant();
        info.Environment["PGPM_SANDBOX_TOKEN"] = options.Token ?? "";
        info.Environment["PGPM_SANDBOX_MAX_PAGE"] = options.MaxPageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        info.Environment["PGPM_SANDBOX_RATE_LIMIT"] = options.RateLimit is { } rate ? $"{rate.PerMinute},{rate.Burst}" : "";
        info.Environment["PGPM_SANDBOX_MAX_REQUEST_BYTES"] = options.MaxRequestBytes?.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        ) ?? "";
        info.Environment["PGPM_SANDBOX_REQUIRE_DATABASE_ID"] = options.RequireDatabaseId ? "1" : "";
        info.Environment["PGPM_SANDBOX_FAULTS"] = string.Join(",", options.LeadingFaults);
        if (options.Schemas is not null)
            info.Environment["PGPM_SANDBOX_SCHEMAS"] = string.Join(",", options.Schemas);

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (errors)
                    errors.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(120));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    string stderr;
                    lock (errors)
                        stderr = errors.ToString();
                    throw new InvalidOperationException(
                        $"The PostGraphile server exited ({process.ExitCode}) before listening: {stderr.Trim()}"
                    );
                }
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    var drain = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new LocalGraphQLServer(process, new Uri(line["LISTENING ".Length..].Trim()), drain);
                }
            }
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _drain.ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
    }
}
