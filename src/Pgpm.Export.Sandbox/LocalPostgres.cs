using Npgsql;

namespace Pgpm.Export.Sandbox;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1: initdb into a temporary directory, pg_ctl start, and
/// everything deleted on dispose. Run as root, the server runs as the <c>postgres</c> user (initdb refuses root).
/// Password authentication is on for TCP, so tests can prove that a wrong password fails.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string SuperUser = "postgres";
    public const string Host = "127.0.0.1";

    private readonly string _root;
    private readonly string _binDirectory;
    private bool _stopped;

    private LocalPostgres(string root, string binDirectory, int port, string password)
    {
        _root = root;
        _binDirectory = binDirectory;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    public string Password { get; }
    public string DataDirectory => Path.Combine(_root, "data");

    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="extensionFiles">
    /// Extra extension files (<c>.control</c>, <c>.sql</c>) the server can CREATE EXTENSION from; when given, the server
    /// runs from a <see cref="PrivateInstallation"/> inside its temporary directory, so the system's share directory is untouched.
    /// </param>
    public static async Task<LocalPostgres> StartAsync(
        CancellationToken cancellationToken = default,
        IReadOnlyList<string>? extensionFiles = null
    )
    {
        var bin = FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), "pgpm-export-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var password = "sandbox-" + Guid.NewGuid().ToString("N")[..16];
        var passwordFile = Path.Combine(root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n", cancellationToken).ConfigureAwait(false);
        if (IsRoot)
            await ProcessRunner.RunAsync("chown", ["-R", SuperUser, root], cancellationToken: cancellationToken).ConfigureAwait(false);
        // Built after the chown, so no ownership change can reach through a link into the real installation.
        if (extensionFiles is not null)
            bin = await PrivateInstallation
                .CreateAsync(Path.Combine(root, "install"), bin, extensionFiles, cancellationToken)
                .ConfigureAwait(false);

        var port = LoopbackPort.Free();
        var server = new LocalPostgres(root, bin, port, password);
        try
        {
            await server
                .RunAsServerUserAsync(
                    "initdb",
                    [
                        "-D",
                        server.DataDirectory,
                        "-U",
                        SuperUser,
                        "--pwfile",
                        passwordFile,
                        "--auth-local=trust",
                        "--auth-host=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                        "--no-sync",
                    ],
                    cancellationToken
                )
                .ConfigureAwait(false);
            await server.StartServerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    public string ConnectionString(string database, string? user = null, string? password = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = user ?? SuperUser,
            Password = password ?? Password,
            Pooling = false,
        }.ConnectionString;

    public async Task ExecuteAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a SQL file with psql, stopping at the first error, exactly as an operator would deploy it.</summary>
    public Task RunFileAsync(string database, string file, CancellationToken cancellationToken = default) =>
        ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", file],
            ClientEnvironment(),
            cancellationToken: cancellationToken
        );

    /// <summary>Runs SQL with psql and returns what it printed (unaligned, tuples only).</summary>
    public async Task<string> QueryTextAsync(string database, string sql, CancellationToken cancellationToken = default)
    {
        var result = await ProcessRunner
            .RunAsync(
                Path.Combine(_binDirectory, "psql"),
                ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
                ClientEnvironment(),
                cancellationToken: cancellationToken
            )
            .ConfigureAwait(false);
        return result.StandardOutput;
    }

    public Task CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync("postgres", $"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            await RunAsServerUserAsync(
                    "pg_ctl",
                    ["-D", DataDirectory, "-m", "immediate", "-w", "stop"],
                    CancellationToken.None,
                    check: false
                )
                .ConfigureAwait(false);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException) { }
    }

    /// <summary>Stops the server (fast shutdown: sessions are terminated), for tests of a server that goes away.</summary>
    public Task StopServerAsync() =>
        RunAsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);

    /// <summary>Starts the server on its port; also after <see cref="StopServerAsync"/>.</summary>
    public Task StartServerAsync(CancellationToken cancellationToken = default)
    {
        // A server time zone other than UTC proves the exporter sets its own session time zone.
        var options =
            $"-p {Port} -k {_root} -c listen_addresses={Host} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            + "-c TimeZone=America/New_York -c max_connections=200";
        return RunAsServerUserAsync(
            "pg_ctl",
            ["-D", DataDirectory, "-o", options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"],
            cancellationToken
        );
    }

    /// <summary>The libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGTZ=UTC) a client program needs to reach this server as the
    /// superuser.</summary>
    public Dictionary<string, string> ClientEnvironment() =>
        new()
        {
            ["PGHOST"] = Host,
            ["PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = SuperUser,
            ["PGPASSWORD"] = Password,
            ["PGTZ"] = "UTC",
        };

    private Task RunAsServerUserAsync(
        string program,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        bool check = true
    )
    {
        var path = Path.Combine(_binDirectory, program);
        return IsRoot
            ? ProcessRunner.RunAsync(
                "runuser",
                ["-u", SuperUser, "--", path, .. arguments],
                workingDirectory: _root,
                check: check,
                cancellationToken: cancellationToken
            )
            : ProcessRunner.RunAsync(path, arguments, workingDirectory: _root, check: check, cancellationToken: cancellationToken);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PGPM_EXPORT_PG_BIN");
        var candidates = new[] { fromEnvironment, "/usr/lib/postgresql/15/bin" }.Concat(
            Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []
        );
        foreach (var candidate in candidates)
            if (
                !string.IsNullOrEmpty(candidate)
                && File.Exists(Path.Combine(candidate, "initdb"))
                && File.Exists(Path.Combine(candidate, "pg_ctl"))
            )
                return candidate;
        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin. "
                + "Install postgresql-15 and postgresql-15-postgis-3, or set PGPM_EXPORT_PG_BIN."
        );
    }
}
