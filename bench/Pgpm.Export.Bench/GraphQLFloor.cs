using System.Diagnostics;
using System.Net.Http.Headers;

namespace Pgpm.Export.Bench;

/// <summary>
/// The GraphQL transfer floor: the page requests an export sent, sent again by a minimal loop that reads each
/// answer's bytes and parses nothing, one request in flight per connection and as many connections at once as
/// the export read.
/// </summary>
internal static class GraphQLFloor
{
    public static async Task<double> RunAsync(
        Uri endpoint,
        string token,
        IReadOnlyList<IReadOnlyList<string>> requestsByConnection,
        int concurrency
    )
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var slots = new SemaphoreSlim(concurrency);
        var stopwatch = Stopwatch.StartNew();
        var connections = requestsByConnection
            .Select(async requests =>
            {
                await slots.WaitAsync().ConfigureAwait(false);
                try
                {
                    foreach (var body in requests)
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body) };
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                            throw new InvalidOperationException(
                                $"The floor's request failed with HTTP {(int)response.StatusCode} ({bytes.Length} bytes)."
                            );
                    }
                }
                finally
                {
                    slots.Release();
                }
            })
            .ToList();
        await Task.WhenAll(connections).ConfigureAwait(false);
        return stopwatch.Elapsed.TotalSeconds;
    }
}
