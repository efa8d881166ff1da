using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Posts GraphQL requests with variables (values are never spliced into query text), retries transient
/// failures with backoff (honouring Retry-After), and turns every other answer into an error that names the
/// endpoint and says what to do. The token never appears in a message.
/// </summary>
public sealed class GraphQLClient : IDisposable
{
    private static readonly HttpStatusCode[] Transient = [HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public const string PageSizeTooLarge = "GraphQLPageSizeTooLarge";

    /// <summary>The error id of an API that refuses introspection (Constructive's INTROSPECTION_DISABLED, graphql-js' NoSchemaIntrospectionCustomRule).</summary>
    public const string IntrospectionDisabled = "GraphQLIntrospectionDisabled";

    /// <summary>The error code Constructive's server gives a refused <c>__schema</c>/<c>__type</c> query.</summary>
    private const string IntrospectionDisabledCode = "INTROSPECTION_DISABLED";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GraphQLEndpointOptions _options;
    private readonly IExportLog _log;
    private readonly RateLimitGate _gate = new();

    public GraphQLClient(GraphQLEndpointOptions options, IExportLog? log = null, HttpClient? http = null)
    {
        _options = options;
        _log = log ?? NullExportLog.Instance;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(Handler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        if (options.SkipCertificateCheck && options.Endpoint.Scheme == Uri.UriSchemeHttps)
            _log.Warning($"TLS certificate checks are off for {options.Endpoint}: anyone on the network path could read the token and change the rows. Use this only for a test endpoint.");
    }

    private static SocketsHttpHandler Handler(GraphQLEndpointOptions options)
    {
        var handler = new SocketsHttpHandler();
        if (options.SkipCertificateCheck) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return handler;
    }

    public Uri Endpoint => _options.Endpoint;

    /// <summary>Runs a query and returns its <c>data</c>; any <c>errors</c> entry is an <see cref="ExportException"/>.</summary>
    public async Task<JsonObject> QueryAsync(string query, IReadOnlyDictionary<string, object?>? variables, string doing, CancellationToken cancellationToken) =>
        (await QueryPageAsync(query, variables, doing, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>
    /// As <see cref="QueryAsync"/>, with the size of the answer's body. Connection failures, 502, 503 and 504 are retried
    /// up to <see cref="GraphQLEndpointOptions.MaxAttempts"/> times. HTTP 429 is not a failure but the server's pace: every
    /// request to this endpoint waits out its Retry-After and fewer go at once (<see cref="RateLimitGate"/>), for as long
    /// as <see cref="GraphQLEndpointOptions.MaxRateLimitWait"/> allows in all for one request.
    /// </summary>
    public async Task<GraphQLAnswer> QueryPageAsync(string query, IReadOnlyDictionary<string, object?>? variables, string doing, CancellationToken cancellationToken) =>
        (await SendQueryAsync(query, variables, doing, Reading.Tree, cancellationToken).ConfigureAwait(false)).Answer!;

    /// <summary>
    /// As <see cref="QueryPageAsync"/>, with the same checks and errors, but the answer is read from its bytes, in one
    /// pass, by <paramref name="read"/> (<see cref="ConnectionPage.Read"/>) instead of being parsed into a tree: building a
    /// JsonNode per value was most of the client's CPU (issue 15). <paramref name="read"/> gives null for any answer that
    /// is not plainly data (errors, no data, not JSON), which is then interpreted in full: its error is thrown as
    /// <see cref="QueryPageAsync"/> throws it, and should the full reading accept it after all, its data, written again,
    /// is what <paramref name="read"/> reads.
    /// </summary>
    /// <param name="read">Reads a whole HTTP 2xx body of valid UTF-8.</param>
    internal async Task<T> QueryBodyAsync<T>(string query, IReadOnlyDictionary<string, object?>? variables, string doing, Func<byte[], T?> read, CancellationToken cancellationToken) where T : class =>
        (T)(await SendQueryAsync(query, variables, doing, Reading.Body, cancellationToken, read).ConfigureAwait(false)).Read!;

    /// <summary>
    /// Runs a query whose GraphQL errors are the answer (a probe of field names when introspection is refused): returns
    /// the <c>errors</c> array, empty when the query was valid. Everything else (HTTP failures, rate limits, a body that is
    /// not GraphQL JSON) is handled and reported as by <see cref="QueryPageAsync"/>.
    /// </summary>
    public async Task<JsonArray> ProbeAsync(string query, IReadOnlyDictionary<string, object?>? variables, string doing, CancellationToken cancellationToken) =>
        (await SendQueryAsync(query, variables, doing, Reading.Errors, cancellationToken).ConfigureAwait(false)).Errors ?? [];

    /// <summary>What a caller wants from a successful answer: its data as a tree, its validation errors, or its data as bytes.</summary>
    private enum Reading
    {
        Tree,
        Errors,
        Body,
    }

    private async Task<(GraphQLAnswer? Answer, JsonArray? Errors, object? Read)> SendQueryAsync(string query, IReadOnlyDictionary<string, object?>? variables, string doing, Reading reading, CancellationToken cancellationToken,
        Func<byte[], object?>? read = null)
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

    private async Task<(GraphQLAnswer? Answer, JsonArray? Errors, object? Read)> QueryPageOnceAsync(string query, IReadOnlyDictionary<string, object?>? variables, string doing, Reading reading,
        Func<byte[], object?>? read, CancellationToken cancellationToken)
    {
        var body = GraphQLRequestBody.Serialize(query, variables);
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > _options.MaxRequestBytes)
            throw RequestTooLarge(doing, $"it would be {bytes} bytes", null);
        var failures = 0;
        var rateLimitedFor = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode status;
            byte[] text;
            TimeSpan? retryAfter;
            Exception? failure;
            using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
                (status, text, retryAfter, failure) = await SendAsync(body, doing, cancellationToken).ConfigureAwait(false);

            if (status == HttpStatusCode.TooManyRequests)
            {
                var wait = retryAfter ?? Backoff(Math.Min(attempt, 6));
                CheckRetryAfter(wait, doing);
                rateLimitedFor += wait;
                if (rateLimitedFor > _options.MaxRateLimitWait)
                    throw new ExportException(ExportErrorKind.Connection, "GraphQLRateLimited",
                        $"{Endpoint} kept answering HTTP 429 Too Many Requests while {doing}: more than {_options.MaxRateLimitWait.TotalSeconds:0}s of waiting for this one request. " +
                        $"The endpoint's rate limit is shared with everything else using the token; try again later, or read fewer tables at once ({OptionName.Concurrency}).");
                _gate.RateLimited(wait);
                Export.ExportProgressScope.Report(new Export.RateLimitWait(Endpoint.ToString(), wait, doing));
                _log.Verbose($"{Endpoint} answered HTTP 429 Too Many Requests while {doing}: rate limited, so every request waits {wait.TotalMilliseconds:0} ms and at most {_gate.Limit} go at once (attempt {attempt + 1}).");
                continue;
            }
            var transient = failure is not null || Transient.Contains(status);
            if (transient && ++failures < _options.MaxAttempts)
            {
                var delay = retryAfter ?? Backoff(failures);
                CheckRetryAfter(delay, doing);
                _log.Verbose($"{Endpoint} answered {(failure is not null ? failure.Message : $"HTTP {(int)status}")} while {doing}; retrying in {delay.TotalMilliseconds:0} ms (attempt {failures + 1} of {_options.MaxAttempts}).");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (failure is not null)
                throw new ExportException(ExportErrorKind.Connection, "GraphQLUnreachable",
                    $"Cannot reach the GraphQL endpoint {Endpoint} while {doing}: {failure.Message}", failure);
            _gate.Succeeded();
            // The plain answer (HTTP 2xx, UTF-8, data and no errors) is all a page ever is; anything else is interpreted in full.
            if (read is not null && (int)status is >= 200 and < 300 && System.Text.Unicode.Utf8.IsValid(text) && read(text) is { } page)
                return (null, null, page);
            var (data, errors) = Interpret(status, text, doing, failures, reading == Reading.Errors);
            if (read is not null && data is not null)
                return (null, null, read(Utf8Bytes(new JsonObject { ["data"] = data.DeepClone() }))
                    ?? throw new ExportException(ExportErrorKind.Protocol, "GraphQLNotJson", $"{Endpoint} answered HTTP {(int)status} with a body that is not GraphQL JSON while {doing}."));
            return (data is null ? null : new GraphQLAnswer(data, text.Length), errors, null);
        }
    }

    private static byte[] Utf8Bytes(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) node.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private TimeSpan Backoff(int failures) => TimeSpan.FromTicks(_options.RetryDelay.Ticks * (1L << Math.Min(failures - 1, 10)));

    private void CheckRetryAfter(TimeSpan delay, string doing)
    {
        if (delay > _options.MaxRetryAfter)
            throw new ExportException(ExportErrorKind.Connection, "GraphQLRetryAfterTooLong",
                $"{Endpoint} asked to retry after {delay.TotalSeconds:0}s while {doing}; that is longer than the {_options.MaxRetryAfter.TotalSeconds:0}s allowed.");
    }

    private ExportException RequestTooLarge(string doing, string size, string? serverSays) =>
        new(ExportErrorKind.Protocol, "GraphQLRequestTooLarge",
            $"The request to {Endpoint} while {doing} is over the {(serverSays is null ? $"{_options.MaxRequestBytes} bytes allowed" : "server's limit")} for one request body ({size}{serverSays}). " +
            "Requests carry only a query and its variables, so this means an unusually long list of categories to exclude or a server with a very low limit.");

    private async Task<(HttpStatusCode Status, byte[] Text, TimeSpan? RetryAfter, Exception? Failure)> SendAsync(string body, string doing, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(_options.Token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        foreach (var (name, value) in _options.Headers) request.Headers.TryAddWithoutValidation(name, value);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await ReadBodyAsync(response, doing, timeout.Token).ConfigureAwait(false);
            return (response.StatusCode, text, RetryAfter(response), null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is System.Security.Authentication.AuthenticationException)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new ExportException(ExportErrorKind.Connection, "GraphQLCertificateRejected",
                $"The TLS connection to {Endpoint} failed while {doing}: {reason} The certificate is checked against this machine's trusted authorities. " +
                $"Add the endpoint's CA to the trust store, or, for a test endpoint only, turn the check off ({OptionName.SkipCertificateCheck}).", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, [], null, new TimeoutException($"no complete answer within {_options.RequestTimeout.TotalSeconds:0}s"));
        }
        catch (HttpRequestException e)
        {
            return (0, [], null, e);
        }
        catch (IOException e)
        {
            return (0, [], null, e);
        }
    }

    /// <summary>
    /// The body as bytes, not a string: the parser reads UTF-8 directly, at half the memory of a page held as UTF-16.
    /// Reading stops at <see cref="GraphQLEndpointOptions.MaxResponseBytes"/>, so a runaway answer cannot exhaust memory.
    /// </summary>
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string doing, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit) throw AnswerTooLarge(doing, declared.Value);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (declared is { } size)
        {
            // The usual answer says its length (HTTP then delivers no more): read straight into its array, no copy through a
            // growing buffer. An answer cut short throws IOException, which is retried like any broken connection.
            var exact = new byte[size];
            await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }
        using var body = new MemoryStream(1 << 16);
        var chunk = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > limit) throw AnswerTooLarge(doing, null);
            body.Write(chunk, 0, read);
        }
        return body.Length == body.Capacity ? body.GetBuffer() : body.ToArray();
    }

    private ExportException AnswerTooLarge(string doing, long? declared) =>
        new(ExportErrorKind.Protocol, "GraphQLAnswerTooLarge",
            $"{Endpoint} sent {(declared is { } size ? $"{size} bytes" : "more bytes")} while {doing}, over the limit of {_options.MaxResponseBytes} bytes for one answer; stopping. " +
            $"Lower the page size ({OptionName.PageSize}), or raise the limit ({OptionName.MaxResponseSize}) if rows really are this large.");

    /// <summary>Whether requests carry credentials: a token, or an Authorization header of the user's own.</summary>
    private bool SendsCredentials => !string.IsNullOrEmpty(_options.Token) || _options.Headers.Keys.Any(h => h.Equals("Authorization", StringComparison.OrdinalIgnoreCase));

    /// <returns>The data; or, with <paramref name="errorsAreTheAnswer"/>, the GraphQL validation errors instead of an exception for them.</returns>
    private (JsonObject? Data, JsonArray? Errors) Interpret(HttpStatusCode status, byte[] text, string doing, int attempts, bool errorsAreTheAnswer)
    {
        var code = (int)status;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new ExportException(ExportErrorKind.Authentication, "GraphQLUnauthorized",
                $"{Endpoint} refused the request (HTTP {code}) while {doing}{ErrorSummary(text)}. " +
                (SendsCredentials ? $"Check the token ({OptionName.Token})." : $"No token was sent: give the API's token ({OptionName.Token})."));
        if (Transient.Contains(status))
            throw new ExportException(ExportErrorKind.Connection, "GraphQLUnavailable",
                $"{Endpoint} answered HTTP {code} {status} {attempts} times while {doing}; giving up. Try again later.");

        if (code == 500 && NoDatabaseId(text))
            throw new ExportException(ExportErrorKind.InvalidArgument, "GraphQLNoDatabaseId",
                $"{Endpoint} answered HTTP 500 NO_DATABASE_ID while {doing}: in private mode (X-Meta-Schema) Constructive's server needs to be told which database the request is for. " +
                "Add the header X-Database-Id with the id of the database to export: --header 'X-Database-Id: <database id>' (in PowerShell, -Header @{ 'X-Database-Id' = '<database id>' }).");

        if (!System.Text.Unicode.Utf8.IsValid(text))
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLNotUtf8",
                $"{Endpoint} answered HTTP {code} with a body that is not valid UTF-8 while {doing}; GraphQL answers are UTF-8 JSON, so nothing from it was used.");

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            parsed = null;
        }
        if (parsed is not JsonObject json)
        {
            var hint = LooksLikeHtml(text)
                ? $" It sent an HTML page, so this is probably not the GraphQL endpoint itself (check the URL), or a proxy answered instead (a Constructive meta API also needs {OptionName.Header} 'X-Meta-Schema: true')."
                : "";
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLNotJson",
                $"{Endpoint} answered HTTP {code} with a body that is not GraphQL JSON while {doing}.{hint}");
        }
        if (json["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0];
            var message = first?["message"]?.GetValue<string>() ?? "unknown error";
            var path = first?["path"] is JsonArray p ? " at " + string.Join(".", p.Select(x => x?.ToString())) : "";
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more errors)" : "";
            var errorCode = first?["extensions"]?["code"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
            if (errorCode == "REQUEST_TOO_LARGE")
                throw RequestTooLarge(doing, $"{first?["extensions"]?["context"]?["bytes"]?.ToString() ?? "?"} bytes", $"; the server allows {first?["extensions"]?["context"]?["limit"]?.ToString() ?? "fewer"}: {message}");
            if (errorCode == "PAGE_SIZE_TOO_LARGE" || message.Contains("PAGE_SIZE_TOO_LARGE", StringComparison.Ordinal))
                throw new ExportException(ExportErrorKind.InvalidArgument, PageSizeTooLarge, $"{Endpoint} refused the page size while {doing}: {message}.");
            if (errorCode == IntrospectionDisabledCode || message.Contains("introspection has been disabled", StringComparison.OrdinalIgnoreCase))
                throw new ExportException(ExportErrorKind.Unavailable, IntrospectionDisabled,
                    $"{Endpoint} refuses introspection ({errorCode ?? message}) while {doing}. Constructive keeps introspection per database and API " +
                    "(new databases have it off); the export then finds the API's names from the manifest and PostGraphile's naming rules (IntrospectionFreeSchema).");
            if (errorsAreTheAnswer && errors.All(e => e?["locations"] is JsonArray { Count: > 0 })) return (null, errors);
            var kind = code == 400 || message.Contains("Cannot query field", StringComparison.Ordinal) ? ExportErrorKind.Protocol : ExportErrorKind.InvalidData;
            throw new ExportException(kind, "GraphQLError", $"{Endpoint} returned an error while {doing}: {message}{path}{more}.");
        }
        if (code is < 200 or >= 300)
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLHttpError", $"{Endpoint} answered HTTP {code} while {doing}.");
        if (json["data"] is not JsonObject data)
            throw new ExportException(ExportErrorKind.Protocol, "GraphQLNoData", $"{Endpoint} answered without data while {doing}.");
        return (data, null);
    }

    /// <summary>
    /// Constructive's server refuses a private-mode request that names no database with HTTP 500, as JSON with the code
    /// NO_DATABASE_ID or as its HTML error page; the latter is recognised by the request: X-Meta-Schema without X-Database-Id.
    /// </summary>
    private bool NoDatabaseId(byte[] text)
    {
        if (text.AsSpan().IndexOf("NO_DATABASE_ID"u8) >= 0) return true;
        return LooksLikeHtml(text) && _options.Headers.Keys.Any(h => h.Equals("X-Meta-Schema", StringComparison.OrdinalIgnoreCase))
               && !_options.Headers.Keys.Any(h => h.Equals("X-Database-Id", StringComparison.OrdinalIgnoreCase));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static string ErrorSummary(byte[] text)
    {
        try
        {
            if (JsonNode.Parse(text)?["errors"] is JsonArray { Count: > 0 } errors && errors[0]?["message"] is JsonValue message)
                return ": " + message.GetValue<string>().TrimEnd('.', ' ');
        }
        catch (JsonException)
        {
        }
        return "";
    }

    private static bool LooksLikeHtml(byte[] text)
    {
        var start = text.AsSpan().TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
