using Pgpm.Export.Sources.GraphQL.Paging;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>How to reach a GraphQL API. The token is sent as <c>Authorization: Bearer</c> and never printed.</summary>
public sealed record GraphQLEndpointOptions
{
    public required Uri Endpoint { get; init; }

    /// <summary>Bearer token; null or empty sends no Authorization header.</summary>
    public string? Token { get; init; }

    /// <summary>Extra request headers, e.g. <c>X-Meta-Schema: true</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public const int DefaultPageSize = 1000;

    /// <summary>
    /// The most rows asked for per page. Pages are fitted to the rows' size (see <see cref="PageSizer"/>), and the
    /// limit is halved for the rest of the export when the server says a page is too large.
    /// </summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Attempts per request for transient failures (connection errors, 429, 502, 503, 504).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff between attempts; doubled each time, unless the server sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest Retry-After the client will wait before giving up.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest one request may wait in all while the server answers HTTP 429 (rate limited). Such waits are the
    /// server's pace, not failures, so they do not count against <see cref="MaxAttempts"/>; this bounds a server that never lets up.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(5);

    public const int DefaultMaxRequestBytes = 1_000_000;

    /// <summary>
    /// The largest request body sent (Constructive's server refuses bodies over 1 MB with REQUEST_TOO_LARGE). Requests
    /// carry only a query and its variables, so this is checked before sending rather than discovered from the server.
    /// </summary>
    public int MaxRequestBytes { get; init; } = DefaultMaxRequestBytes;

    /// <summary>Time allowed for one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    public const long DefaultMaxResponseBytes = 64L << 20;

    /// <summary>
    /// The largest answer accepted for one request. A bigger one stops the export instead of being held in memory:
    /// a page this large means the server ignored the page size, or rows are far larger than a meta table's should be.
    /// </summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Accept any TLS certificate. Off by default; only for a test endpoint with a self-signed certificate,
    /// because with it anyone on the network path can read the token and change the rows. Turning it on logs a warning.
    /// </summary>
    public bool SkipCertificateCheck { get; init; }
}
