using System.Collections;
using System.Data.Common;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security;
using Pgpm.Export.Commands;
using Pgpm.Export.Logging;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>
/// The source a command line being completed names, from the parameters PowerShell has already bound for completion:
/// -Source, -ConnectionString, or -GraphQLEndpoint with -Token, -Credential or -Header (the token variables as for the
/// command itself), else $env:PGPM_EXPORT_CONNECTION_STRING. A source whose host does not take a connection within
/// <see cref="ConnectPatience"/> completes nothing at once (no retries); a live one has <see cref="Patience"/> for the
/// whole answer (a GraphQL API's introspection takes a few hundred milliseconds). Any failure completes nothing:
/// completion must never hold or break the prompt.
/// </summary>
internal static class CompletionSource
{
    /// <summary>How long the source's host may take to accept a connection before completion offers nothing.</summary>
    public static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(1);

    /// <summary>How long a completion may take in all, for a source that accepted the connection but answers slowly or never.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Runs <paramref name="query"/> on the line's source within <see cref="Patience"/>; no results on any failure or timeout.
    /// An answer is reused for the same <paramref name="what"/> (the completer and the word typed) on the same source for a
    /// while (<see cref="CompletionCache"/>), without asking the source again.
    /// </summary>
    public static IEnumerable<CompletionResult> Complete(
        IDictionary bound,
        string what,
        Func<PgpmExportSource, CancellationToken, Task<IEnumerable<CompletionResult>>> query
    )
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            var key = CacheKey(bound, what);
            if (CompletionCache.TryGet(key, out var cached))
                return cached;
            var work = RunAsync(bound, query, timeout.Token);
            // The source's own waits honour the token; the Wait bound holds even for one that does not.
            if (!work.Wait(Patience + TimeSpan.FromMilliseconds(250)))
                return [];
            var results = work.Result.ToList();
            CompletionCache.Set(key, results);
            return results;
        }
        catch (Exception)
        {
            return [];
        }
    }

    /// <summary>Completes with the names <paramref name="query"/> gives for the database the line names (-DatabaseId or -Database); nothing
    /// without one.</summary>
    public static IEnumerable<CompletionResult> CompleteForDatabase(
        IDictionary bound,
        string what,
        Func<PgpmExportSource, Guid, CancellationToken, Task<IReadOnlyList<string>>> query
    ) =>
        Complete(bound, $"{what}\u0000{Bound(bound, "DatabaseId")}\u0000{Bound(bound, "Database")}", async (source, ct) =>
            await DatabaseIdAsync(bound, source, ct).ConfigureAwait(false) is { } databaseId
                ? (await query(source, databaseId, ct).ConfigureAwait(false)).Select(CompletionText.Result)
                : []
        );

    private static async Task<IEnumerable<CompletionResult>> RunAsync(
        IDictionary bound,
        Func<PgpmExportSource, CancellationToken, Task<IEnumerable<CompletionResult>>> query,
        CancellationToken cancellationToken
    )
    {
        if (Bound(bound, "Source") is PgpmExportSource given)
            return await query(given, cancellationToken).ConfigureAwait(false);
        var request = Request(bound);
        if (!await ReachableAsync(request, cancellationToken).ConfigureAwait(false))
            return [];
        using var source = await SourceOpener.OpenAsync(request, NullExportLog.Instance, cancellationToken).ConfigureAwait(false);
        return await query(source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What was asked, of which source: the -Source object's identity, else the request's every part (token, password and headers
    /// included, hashed).</summary>
    private static string CacheKey(IDictionary bound, string what)
    {
        if (Bound(bound, "Source") is PgpmExportSource given)
            return CompletionCache.Key(what, "source", CompletionCache.Identity(given));
        var request = Request(bound);
        var headers = request.Headers is null
            ? null
            : string.Join("\n", request.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {h.Value}"));
        return CompletionCache.Key(
            what,
            request.GraphQLEndpoint,
            request.Token,
            headers,
            request.ConnectionString ?? Environment.GetEnvironmentVariable(SourceRequest.ConnectionStringVariable)
        );
    }

    private static SourceRequest Request(IDictionary bound)
    {
        if (Bound(bound, "GraphQLEndpoint") is not { } endpoint)
            return new SourceRequest { ConnectionString = Bound(bound, "ConnectionString") as string };
        var token = Bound(bound, "Token") switch
        {
            SecureString secure => new NetworkCredential(string.Empty, secure).Password,
            string plain => plain,
            _ => (Bound(bound, "Credential") as PSCredential)?.GetNetworkCredential().Password,
        };
        return new SourceRequest
        {
            GraphQLEndpoint = endpoint.ToString(),
            Token = string.IsNullOrEmpty(token) ? null : token,
            Headers = EndpointCmdlet.HeadersFrom(Bound(bound, "Header") as Hashtable),
        };
    }

    /// <summary>
    /// Whether the source's host takes a TCP connection within <see cref="ConnectPatience"/>: an unreachable source is
    /// known at once instead of after the source's own retries. A host list or a Unix socket is not probed.
    /// </summary>
    private static async Task<bool> ReachableAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var (host, port) = Address(request);
        if (host is null)
            return true;
        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(ConnectPatience);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, connect.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static (string? Host, int Port) Address(SourceRequest request)
    {
        if (request.GraphQLEndpoint is { } endpoint)
            return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? (uri.Host, uri.Port) : (null, 0);
        var connectionString = request.ConnectionString ?? Environment.GetEnvironmentVariable(SourceRequest.ConnectionStringVariable);
        if (connectionString is null)
            return (null, 0);
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Setting(string key) => settings.TryGetValue(key, out var value) ? Convert.ToString(value) : null;
        var host = Setting("Host") ?? Setting("Server");
        if (host is null || host.StartsWith('/') || host.Contains(','))
            return (null, 0);
        return (
            host,
            int.TryParse(
                Setting("Port"),
                System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture,
                out var port
            )
                ? port
                : 5432
        );
    }

    /// <summary>The database the line names with -DatabaseId (a Guid, or its text) or -Database, if any.</summary>
    private static async Task<Guid?> DatabaseIdAsync(IDictionary bound, PgpmExportSource source, CancellationToken cancellationToken)
    {
        switch (Bound(bound, "DatabaseId"))
        {
            case Guid id:
                return id;
            case string text when Guid.TryParse(text, out var id):
                return id;
        }
        if (Bound(bound, "Database") is not string name)
            return null;
        var matching = await Completion.DatabasesAsync(source, name, cancellationToken).ConfigureAwait(false);
        return matching.FirstOrDefault(d => d.Name.Equals(name, StringComparison.Ordinal))?.Id;
    }

    /// <summary>What the user typed so far, without the quotes PowerShell leaves on it.</summary>
    public static string Word(string wordToComplete) => wordToComplete.Trim('\'', '"');

    private static object? Bound(IDictionary bound, string name) =>
        bound.Contains(name)
            ? bound[name] is PSObject p
                ? p.BaseObject
                : bound[name]
            : null;
}
