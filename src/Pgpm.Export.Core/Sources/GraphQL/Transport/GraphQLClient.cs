using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Sources.GraphQL.Paging;

namespace Pgpm.Export.Sources.GraphQL.Transport;

/// <summary>
/// Posts GraphQL requests with variables (values are never spliced into query text), retries transient
/// failures with backoff (honouring Retry-After), and turns every other answer into an error that names the
/// endpoint and says what to do. The token never appears in a message.
/// </summary>
public sealed class GraphQLClient : IDisposable
{
    /// <summary>The answers that are retried: the server or a proxy before it is busy or restarting.</summary>
    internal static readonly HttpStatusCode[] Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GraphQLEndpointOptions _options;
    private readonly IExportLog _log;
    private readonly RateLimitGate _gate = new();
    private readonly GraphQLHttpPost _post;
    private readonly GraphQLAnswerInterpreter _interpreter;

    public GraphQLClient(GraphQLEndpointOptions options, IExportLog? log = null, HttpClient? http = null)
    {
        _options = options;
        _log = log ?? NullExportLog.Instance;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(Handler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        _post = new GraphQLHttpPost(_http, options);
        _interpreter = new GraphQLAnswerInterpreter(options);
        if (options.SkipCertificateCheck && options.Endpoint.Scheme == Uri.UriSchemeHttps)
            _log.Warning(
                $"TLS certificate checks are off for {options.Endpoint}: anyone on the network path could read the token "
                    + $"and change the rows. Use this only for a test endpoint."
            );
    }

    private static SocketsHttpHandler Handler(GraphQLEndpointOptions options)
    {
        var handler = new SocketsHttpHandler();
        if (options.SkipCertificateCheck)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return handler;
    }

    public Uri Endpoint => _options.Endpoint;

    /// <summary>Runs a query and returns its <c>data</c>; any <c>errors</c> entry is an <see cref="ExportException"/>.</summary>
    /// <remarks>
    /// Connection failures, 502, 503 and 504 are retried up to <see cref="GraphQLEndpointOptions.MaxAttempts"/> times.
    /// HTTP 429 is not a failure but the server's pace: every request to this endpoint waits out its Retry-After and fewer
    /// go at once (<see cref="RateLimitGate"/>), for as long as <see cref="GraphQLEndpointOptions.MaxRateLimitWait"/>
    /// allows in all for one request.
    /// </remarks>
    public async Task<JsonObject> QueryAsync(
        string query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        CancellationToken cancellationToken
    ) => (await SendQueryAsync(query, variables, doing, Reading.Tree, cancellationToken).ConfigureAwait(false)).Data!;

    /// <summary>
    /// As <see cref="QueryAsync"/>, with the same checks and errors, but the answer is read from its bytes, in one
    /// pass, by <paramref name="read"/> (<see cref="ConnectionPage.Read"/>) instead of being parsed into a tree: building a
    /// JsonNode per value was most of the client's CPU. <paramref name="read"/> gives null for any answer that
    /// is not plainly data (errors, no data, not JSON), which is then interpreted in full: its error is thrown as
    /// <see cref="QueryAsync"/> throws it, and should the full reading accept it after all, its data, written again,
    /// is what <paramref name="read"/> reads.
    /// </summary>
    /// <param name="read">Reads a whole HTTP 2xx body of valid UTF-8.</param>
    internal async Task<T> QueryBodyAsync<T>(
        string query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        Func<byte[], T?> read,
        CancellationToken cancellationToken
    )
        where T : class =>
        (T)(await SendQueryAsync(query, variables, doing, Reading.Body, cancellationToken, read).ConfigureAwait(false)).Read!;

    /// <summary>
    /// Runs a query whose GraphQL errors are the answer (a probe of field names when introspection is refused): returns
    /// the <c>errors</c> array, empty when the query was valid. Everything else (HTTP failures, rate limits, a body that is
    /// not GraphQL JSON) is handled and reported as by <see cref="QueryAsync"/>.
    /// </summary>
    public async Task<JsonArray> ProbeAsync(
        string query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        CancellationToken cancellationToken
    ) => (await SendQueryAsync(query, variables, doing, Reading.Errors, cancellationToken).ConfigureAwait(false)).Errors ?? [];

    /// <summary>What a caller wants from a successful answer: its data as a tree, its validation errors, or its data as bytes.</summary>
    private enum Reading
    {
        Tree,
        Errors,
        Body,
    }

    private async Task<(JsonObject? Data, JsonArray? Errors, object? Read)> SendQueryAsync(
        string query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        Reading reading,
        CancellationToken cancellationToken,
        Func<byte[], object?>? read = null
    )
    {
        try
        {
            return await QueryPageOnceAsync(query, variables, doing, reading, read, cancellationToken).ConfigureAwait(false);
        }
        catch (ExportException e)
        {
            throw e.WithTarget(Endpoint);
        }
    }

    private async Task<(JsonObject? Data, JsonArray? Errors, object? Read)> QueryPageOnceAsync(
        string query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        Reading reading,
        Func<byte[], object?>? read,
        CancellationToken cancellationToken
    )
    {
        var body = GraphQLRequestBody.Serialize(query, variables);
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > _options.MaxRequestBytes)
            throw _interpreter.RequestTooLarge(doing, $"it would be {bytes} bytes", null);
        var failures = 0;
        var rateLimitedFor = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode status;
            byte[] text;
            TimeSpan? retryAfter;
            Exception? failure;
            using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
                (status, text, retryAfter, failure) = await _post.SendAsync(body, doing, cancellationToken).ConfigureAwait(false);

            if (status == HttpStatusCode.TooManyRequests)
            {
                var wait = retryAfter ?? Backoff(Math.Min(attempt, 6));
                CheckRetryAfter(wait, doing);
                rateLimitedFor += wait;
                if (rateLimitedFor > _options.MaxRateLimitWait)
                    throw new ExportException(
                        ExportErrorKind.Connection,
                        ErrorId.GraphQLRateLimited,
                        $"{Endpoint} kept answering HTTP 429 Too Many Requests while {doing}: more than "
                            + $"{_options.MaxRateLimitWait.TotalSeconds:0}s of waiting for this one request. "
                            + $"The endpoint's rate limit is shared with everything else using the token; try again later, or read "
                            + $"fewer tables at once ({OptionName.Concurrency})."
                    );
                _gate.RateLimited(wait);
                Exporting.ExportProgressScope.Report(new Exporting.RateLimitWait(Endpoint.ToString(), wait, doing));
                _log.Verbose(
                    $"{Endpoint} answered HTTP 429 Too Many Requests while {doing}: rate limited, so every request waits "
                        + $"{wait.TotalMilliseconds:0} ms and at most {_gate.Limit} go at once (attempt {attempt + 1})."
                );
                continue;
            }
            var transient = failure is not null || Transient.Contains(status);
            if (transient && ++failures < _options.MaxAttempts)
            {
                var delay = retryAfter ?? Backoff(failures);
                CheckRetryAfter(delay, doing);
                _log.Verbose(
                    $"{Endpoint} answered {(failure is not null ? failure.Message : $"HTTP {(int)status}")} while "
                        + $"{doing}; retrying in {delay.TotalMilliseconds:0} ms (attempt {failures + 1} of {_options.MaxAttempts})."
                );
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (failure is not null)
                throw new ExportException(
                    ExportErrorKind.Connection,
                    ErrorId.GraphQLUnreachable,
                    $"Cannot reach the GraphQL endpoint {Endpoint} while {doing}: {failure.Message}",
                    failure
                );
            _gate.Succeeded();
            // The plain answer (HTTP 2xx, UTF-8, data and no errors) is all a page ever is; anything else is interpreted in full.
            if (read is not null && (int)status is >= 200 and < 300 && System.Text.Unicode.Utf8.IsValid(text) && read(text) is { } page)
                return (null, null, page);
            var (data, errors) = _interpreter.Interpret(status, text, doing, failures, reading == Reading.Errors);
            if (read is not null && data is not null)
                return (
                    null,
                    null,
                    read(Utf8Bytes(new JsonObject { ["data"] = data.DeepClone() }))
                        ?? throw new ExportException(
                            ExportErrorKind.Protocol,
                            ErrorId.GraphQLNotJson,
                            $"{Endpoint} answered HTTP {(int)status} with a body that is not GraphQL JSON while {doing}."
                        )
                );
            return (data, errors, null);
        }
    }

    private static byte[] Utf8Bytes(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            node.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private TimeSpan Backoff(int failures) => TimeSpan.FromTicks(_options.RetryDelay.Ticks * (1L << Math.Min(failures - 1, 10)));

    private void CheckRetryAfter(TimeSpan delay, string doing)
    {
        if (delay > _options.MaxRetryAfter)
            throw new ExportException(
                ExportErrorKind.Connection,
                ErrorId.GraphQLRetryAfterTooLong,
                $"{Endpoint} asked to retry after {delay.TotalSeconds:0}s while {doing}; that is longer than the "
                    + $"{_options.MaxRetryAfter.TotalSeconds:0}s allowed."
            );
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
