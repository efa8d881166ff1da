using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.GraphQL.Transport;

/// <summary>
/// One POST of a GraphQL request body to the endpoint, with the token and the user's headers, within the request
/// timeout and the answer size limit. A failure to connect or an answer cut short is returned, not thrown, so that the
/// client can retry it; a rejected certificate is thrown, as retrying cannot help.
/// </summary>
internal sealed class GraphQLHttpPost(HttpClient http, GraphQLEndpointOptions options)
{
    private Uri Endpoint => options.Endpoint;

    public async Task<(HttpStatusCode Status, byte[] Text, TimeSpan? RetryAfter, Exception? Failure)> SendAsync(
        string body,
        string doing,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(options.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        foreach (var (name, value) in options.Headers)
            request.Headers.TryAddWithoutValidation(name, value);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                .ConfigureAwait(false);
            var text = await ReadBodyAsync(response, doing, timeout.Token).ConfigureAwait(false);
            return (response.StatusCode, text, RetryAfter(response), null);
        }
        catch (HttpRequestException e)
            when (e.HttpRequestError == HttpRequestError.SecureConnectionError
                || e.InnerException is System.Security.Authentication.AuthenticationException
            )
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new ExportException(
                ExportErrorKind.Connection,
                ErrorId.GraphQLCertificateRejected,
                $"The TLS connection to {Endpoint} failed while {doing}: {reason} The certificate is checked against this "
                    + $"machine's trusted authorities. "
                    + $"Add the endpoint's CA to the trust store, or, for a test endpoint only, turn the check off "
                    + $"({OptionName.SkipCertificateCheck}).",
                e
            );
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, [], null, new TimeoutException($"no complete answer within {options.RequestTimeout.TotalSeconds:0}s"));
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
        var limit = options.MaxResponseBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
            throw AnswerTooLarge(doing, declared.Value);
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
            if (body.Length + read > limit)
                throw AnswerTooLarge(doing, null);
            body.Write(chunk, 0, read);
        }
        return body.Length == body.Capacity ? body.GetBuffer() : body.ToArray();
    }

    private ExportException AnswerTooLarge(string doing, long? declared) =>
        new(
            ExportErrorKind.Protocol,
            ErrorId.GraphQLAnswerTooLarge,
            $"{Endpoint} sent {(declared is { } size ? $"{size} bytes" : "more bytes")} while {doing}, over the limit of "
                + $"{options.MaxResponseBytes} bytes for one answer; stopping. "
                + $"Lower the page size ({OptionName.PageSize}), or raise the limit ({OptionName.MaxResponseSize}) if rows really are "
                + $"this large."
        );

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
