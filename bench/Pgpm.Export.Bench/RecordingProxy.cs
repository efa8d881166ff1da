using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pgpm.Export.Bench;

/// <summary>
/// A loopback HTTP proxy in front of a GraphQL endpoint that keeps every request body it forwards, so the
/// floor can send exactly the requests an export sent. Used only for an untimed recording run.
/// </summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _target;
    private readonly ConcurrentQueue<(long Order, string Body)> _requests = new();
    private readonly Task _loop;
    private long _order;

    public RecordingProxy(Uri target, int port)
    {
        _target = target;
        Endpoint = new Uri($"http://127.0.0.1:{port}/graphql");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// The recorded page requests grouped by query text and variables other than the cursor, in the order each
    /// group was first sent; within a group, in the order sent. Introspection is left out: it is not a page.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> PageRequestsByConnection()
    {
        return _requests
            .OrderBy(r => r.Order)
            .Where(r => !r.Body.Contains("__schema", StringComparison.Ordinal))
            .GroupBy(r => GroupKey(r.Body))
            .Select(g => (IReadOnlyList<string>)g.Select(r => r.Body).ToList())
            .ToList();
    }

    private static string GroupKey(string body)
    {
        using var json = JsonDocument.Parse(body);
        var query = json.RootElement.GetProperty("query").GetString() ?? "";
        var db =
            json.RootElement.TryGetProperty("variables", out var v)
            && v.ValueKind == JsonValueKind.Object
            && v.TryGetProperty("db", out var d)
                ? d.ToString()
                : "";
        return query + "\n" + db;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        _requests.Enqueue((Interlocked.Increment(ref _order), body));
        using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (context.Request.Headers["Authorization"] is { } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await _upstream.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _upstream.Dispose();
    }
}
