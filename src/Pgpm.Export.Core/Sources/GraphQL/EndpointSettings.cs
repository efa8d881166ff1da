using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>
/// Checks what a user gives for a GraphQL endpoint, the same way for every front end: an http(s) URL,
/// a page size of at least one, and extra headers that never carry the token.
/// </summary>
public static class EndpointSettings
{
    /// <param name="what">How the front end names the setting, for the error (e.g. <c>--graphql-endpoint</c>).</param>
    public static Uri ParseEndpoint(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.EndpointInvalid,
                $"{what} '{url}' is not an http or https URL."
            ).WithTarget(url);
        return endpoint;
    }

    public static int CheckPageSize(int pageSize, string what) =>
        pageSize >= 1
            ? pageSize
            : throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.PageSizeInvalid,
                $"{what} must be at least 1, not {pageSize}."
            );

    public static long CheckMaxResponseBytes(long bytes, string what) =>
        bytes >= 1024
            ? bytes
            : throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.MaxResponseSizeInvalid,
                $"{what} must allow at least 1 KB per answer, not {bytes} bytes."
            );

    /// <param name="what">How the front end names the headers setting, for the error.</param>
    /// <param name="tokenHint">How the front end passes a token instead, for the error.</param>
    public static Dictionary<string, string> CheckHeaders(IEnumerable<KeyValuePair<string, string>> headers, string what, string tokenHint)
    {
        var checkedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rawName, value) in headers)
        {
            var name = rawName.Trim();
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.HeaderInvalid,
                    $"{what} has a header name that HTTP does not allow: '{name}'."
                );
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.HeaderInvalid,
                    $"Pass the token with {tokenHint}, not as an Authorization header in {what}."
                );
            if (value.Any(c => c is '\r' or '\n'))
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.HeaderInvalid,
                    $"{what} gives the header '{name}' a value with a line break."
                );
            checkedHeaders[name] = value.Trim();
        }
        return checkedHeaders;
    }
}
