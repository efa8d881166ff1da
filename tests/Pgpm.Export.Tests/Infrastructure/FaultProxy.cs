using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>What the proxy does instead of (or to) the real server's answer.</summary>
public enum FaultKind
{
    /// <summary>Sends the headers and half the real body, then resets the connection.</summary>
    ResetMidBody,

    /// <summary>Sends nothing until the client gives up.</summary>
    Stall,
    Http502,
    Http503,
    Http504,

    /// <summary>HTTP 429 with <c>Retry-After: 1</c>.</summary>
    TooManyRequests,

    /// <summary>HTTP 502 with an nginx-style HTML page.</summary>
    HtmlBadGateway,

    /// <summary>HTTP 200 with a sign-in HTML page, as a captive portal or a misrouted proxy sends.</summary>
    HtmlOk,

    /// <summary>HTTP 200 whose body is the first half of the real JSON, with a Content-Length that matches it.</summary>
    TruncatedJson,

    /// <summary>The real body with one byte inside a string replaced by 0xFF.</summary>
    BadUtf8,

    /// <summary>The real page, but claiming more rows with the cursor it was asked for, so paging would never advance.</summary>
    SameCursor,

    /// <summary>Stops the real server and starts a new one; requests fail at the connection until it is back.</summary>
    ServerRestart,

    /// <summary>The real page padded with whitespace to 5 MB, with a Content-Length that says so.</summary>
    OversizedDeclared,

    /// <summary>The real page padded with whitespace to 5 MB, sent chunked, so its size shows only while reading.</summary>
    OversizedChunked,

    /// <summary>HTTP 200 with a GraphQL error located at the operation itself (line 1), as graphql-depth-limit answers a query too
    /// deep.</summary>
    ErrorAtOperation,

    /// <summary>HTTP 200 with one located GraphQL error for every line of the query inside its outer braces: a server that refuses each
    /// field asked.</summary>
    RefuseEveryLine,
}

/// <summary>One request as the proxy saw it.</summary>
public sealed record ProxiedRequest(int Number, string Query, JsonObject? Variables)
{
    /// <summary>A page of the given connection after its first one.</summary>
    public bool IsLaterPageOf(string connectionField) =>
        Query.Contains(connectionField + "(", StringComparison.Ordinal) && Variables?["after"] is JsonValue;
}

/// <summary>
/// An HTTP(S) proxy on loopback in front of a real GraphQL server that injects faults into chosen requests:
/// the faults a real server does not produce on demand. Everything else is forwarded unchanged.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstreamClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
    private readonly List<Rule> _rules = [];
    private int _requests;
    private Task _restarting = Task.CompletedTask;

    private sealed class Rule(Func<ProxiedRequest, bool> when, FaultKind fault, int times)
    {
        public Func<ProxiedRequest, bool> When { get; } = when;
        public FaultKind Fault { get; } = fault;
        public int Remaining { get; set; } = times;
        public int Fired { get; set; }
    }

    private FaultProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        Upstream = upstream;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Where requests go; a restart points it at the new server.</summary>
    public Uri Upstream { get; private set; }

    /// <summary>Called by a <see cref="FaultKind.ServerRestart"/>: stops the running server, then starts one and returns its
    /// endpoint.</summary>
    public Func<Task>? StopServer { get; set; }
    public Func<Task<Uri>>? StartServer { get; set; }

    /// <summary>How many requests the proxy has answered or faulted.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Called with each request as it arrives, before it is forwarded (or faulted), for tests that watch the order of
    /// requests.</summary>
    public event Action<ProxiedRequest>? Received;

    public static async Task<FaultProxy> StartAsync(Uri upstream, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                    listen.UseHttps(certificate);
            }));
        var app = builder.Build();
        var proxy = new FaultProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Endpoint = new Uri(new Uri(address), upstream.AbsolutePath);
        return proxy;
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests that match.</summary>
    public void Inject(Func<ProxiedRequest, bool> when, FaultKind fault, int times = 1)
    {
        lock (_rules)
            _rules.Add(new Rule(when, fault, times));
    }

    /// <summary>How many times injected faults actually fired.</summary>
    public int Fired
    {
        get
        {
            lock (_rules)
                return _rules.Sum(r => r.Fired);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var request = Parse(Interlocked.Increment(ref _requests), body);
        Received?.Invoke(request);
        var fault = Choose(request);
        switch (fault)
        {
            case FaultKind.Stall:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Abort();
                return;
            case FaultKind.Http502 or FaultKind.Http503 or FaultKind.Http504:
                await WriteAsync(
                    context,
                    fault switch
                    {
                        FaultKind.Http502 => 502,
                        FaultKind.Http503 => 503,
                        _ => 504,
                    },
                    "application/json",
                    Encoding.UTF8.GetBytes("""{"errors":[{"message":"injected"}]}""")
                );
                return;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                await WriteAsync(context, 429, "application/json", Encoding.UTF8.GetBytes("""{"errors":[{"message":"slow down"}]}"""));
                return;
            case FaultKind.HtmlBadGateway:
                await WriteAsync(
                    context,
                    502,
                    "text/html",
                    (
                        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"u8
                        + "<hr><center>nginx</center></body></html>"u8
                    ).ToArray()
                );
                return;
            case FaultKind.HtmlOk:
                await WriteAsync(
                    context,
                    200,
                    "text/html",
                    "<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>"u8.ToArray()
                );
                return;
            case FaultKind.ErrorAtOperation:
                await WriteAsync(
                    context,
                    200,
                    "application/json",
                    Encoding.UTF8.GetBytes(
                        """{"errors":[{"message":"'PgpmExportProbe' exceeds maximum operation depth of 3","locations":"""
                            + """[{"line":1,"column":1}]}]}"""
                    )
                );
                return;
            case FaultKind.RefuseEveryLine:
                await WriteAsync(context, 200, "application/json", EveryLineRefused(request.Query));
                return;
            case FaultKind.ServerRestart:
                await StopServer!();
                lock (_rules)
                    _restarting = Task.Run(async () => Upstream = await StartServer!());
                break;
        }

        HttpResponseMessage answer;
        byte[] answerBody;
        try
        {
            using var forward = new HttpRequestMessage(HttpMethod.Post, Upstream) { Content = new ByteArrayContent(body) };
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (context.Request.Headers.Authorization.Count > 0)
                forward.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
            answer = await _upstreamClient.SendAsync(forward, context.RequestAborted);
            answerBody = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            // The server is down (restarting): the client sees its connection dropped, as behind a TCP load balancer.
            context.Abort();
            return;
        }

        var status = (int)answer.StatusCode;
        switch (fault)
        {
            case FaultKind.ResetMidBody:
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = answerBody.Length;
                await context.Response.Body.WriteAsync(answerBody.AsMemory(0, answerBody.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            case FaultKind.TruncatedJson:
                await WriteAsync(context, status, "application/json", answerBody[..(answerBody.Length / 2)]);
                return;
            case FaultKind.BadUtf8:
                await WriteAsync(context, status, "application/json", WithInvalidByte(answerBody));
                return;
            case FaultKind.SameCursor:
                await WriteAsync(context, status, "application/json", WithSameCursor(answerBody, request));
                return;
            case FaultKind.OversizedDeclared:
                await WriteAsync(context, status, "application/json", Padded(answerBody));
                return;
            case FaultKind.OversizedChunked:
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                var padded = Padded(answerBody);
                for (var at = 0; at < padded.Length; at += 1 << 16)
                    await context.Response.Body.WriteAsync(
                        padded.AsMemory(at, Math.Min(1 << 16, padded.Length - at)),
                        context.RequestAborted
                    );
                return;
            default:
                await WriteAsync(context, status, answer.Content.Headers.ContentType?.ToString() ?? "application/json", answerBody);
                return;
        }
    }

    private FaultKind? Choose(ProxiedRequest request)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining == 0 || !rule.When(request))
                    continue;
                rule.Remaining--;
                rule.Fired++;
                return rule.Fault;
            }
        }
        return null;
    }

    private static ProxiedRequest Parse(int number, byte[] body)
    {
        try
        {
            var json = JsonNode.Parse(body) as JsonObject;
            return new ProxiedRequest(number, json?["query"]?.GetValue<string>() ?? "", json?["variables"] as JsonObject);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ProxiedRequest(number, "", null);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static byte[] WithInvalidByte(byte[] body)
    {
        var copy = (byte[])body.Clone();
        // Inside the first string value after "nodes": a byte that can never start or continue UTF-8.
        var at = Encoding.UTF8.GetString(body).IndexOf("\"nodes\"", StringComparison.Ordinal);
        var quote = Array.IndexOf(copy, (byte)'"', Math.Max(at, 0) + 9);
        copy[quote + 1] = 0xFF;
        return copy;
    }

    private static byte[] EveryLineRefused(string query)
    {
        var lines = query.Split('\n').Length;
        var errors = new JsonArray();
        for (var line = 2; line < lines; line++)
            errors.Add(
                new JsonObject
                {
                    ["message"] = "Refused by the proxy.",
                    ["locations"] = new JsonArray(new JsonObject { ["line"] = line, ["column"] = 1 }),
                }
            );
        return Encoding.UTF8.GetBytes(new JsonObject { ["errors"] = errors }.ToJsonString());
    }

    private static byte[] Padded(byte[] body) => [.. body, .. Enumerable.Repeat((byte)' ', 5 << 20)];

    private static byte[] WithSameCursor(byte[] body, ProxiedRequest request)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var connection = json["data"]!.AsObject().First().Value!.AsObject();
        connection["pageInfo"] = new JsonObject { ["hasNextPage"] = true, ["endCursor"] = request.Variables?["after"]?.DeepClone() };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>Waits for a restart the proxy started to finish.</summary>
    public Task RestartedAsync()
    {
        lock (_rules)
            return _restarting;
    }

    public async ValueTask DisposeAsync()
    {
        await _restarting.ContinueWith(_ => { }, TaskScheduler.Default);
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstreamClient.Dispose();
    }
}
