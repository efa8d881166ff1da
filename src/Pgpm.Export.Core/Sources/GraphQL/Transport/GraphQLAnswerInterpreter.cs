using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Errors;

namespace Pgpm.Export.Sources.GraphQL.Transport;

/// <summary>
/// What an answer that is not plainly data means, said so that the user knows what to do: a refused token, a server
/// that stays unavailable, GraphQL errors (a page size refused, introspection refused, a request over the server's limit),
/// a body that is not GraphQL JSON (an HTML page from a proxy or the wrong URL). The token never appears in a message.
/// </summary>
internal sealed class GraphQLAnswerInterpreter(GraphQLEndpointOptions options)
{
    /// <summary>The error code Constructive's server gives a refused <c>__schema</c>/<c>__type</c> query.</summary>
    private const string IntrospectionDisabledCode = "INTROSPECTION_DISABLED";

    private Uri Endpoint => options.Endpoint;

    public ExportException RequestTooLarge(string doing, string size, string? serverSays) =>
        new(
            ExportErrorKind.Protocol,
            ErrorId.GraphQLRequestTooLarge,
            $"The request to {Endpoint} while {doing} is over the "
                + $"{(serverSays is null ? $"{options.MaxRequestBytes} bytes allowed" : "server's limit")} for one request body "
                + $"({size}{serverSays}). "
                + "Requests carry only a query and its variables, so this means an unusually long list of categories to exclude or a "
                + "server with a very low limit."
        );

    /// <summary>Whether requests carry credentials: a token, or an Authorization header of the user's own.</summary>
    private bool SendsCredentials =>
        !string.IsNullOrEmpty(options.Token)
        || options.Headers.Keys.Any(h => h.Equals("Authorization", StringComparison.OrdinalIgnoreCase));

    /// <returns>The data; or, with <paramref name="errorsAreTheAnswer"/>, the GraphQL validation errors instead of an
    /// exception for them.</returns>
    public (JsonObject? Data, JsonArray? Errors) Interpret(
        HttpStatusCode status,
        byte[] text,
        string doing,
        int attempts,
        bool errorsAreTheAnswer
    )
    {
        var code = (int)status;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new ExportException(
                ExportErrorKind.Authentication,
                ErrorId.GraphQLUnauthorized,
                $"{Endpoint} refused the request (HTTP {code}) while {doing}{ErrorSummary(text)}. "
                    + (
                        SendsCredentials
                            ? $"Check the token ({OptionName.Token})."
                            : $"No token was sent: give the API's token " + $"({OptionName.Token})."
                    )
            );
        if (GraphQLClient.Transient.Contains(status))
            throw new ExportException(
                ExportErrorKind.Connection,
                ErrorId.GraphQLUnavailable,
                $"{Endpoint} answered HTTP {code} {status} {attempts} times while {doing}; giving up. Try again later."
            );

        if (code == 500 && NoDatabaseId(text))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.GraphQLNoDatabaseId,
                $"{Endpoint} answered HTTP 500 NO_DATABASE_ID while {doing}: in private mode (X-Meta-Schema) Constructive's "
                    + $"server needs to be told which database the request is for. "
                    + "Add the header X-Database-Id with the id of the database to export: --header 'X-Database-Id: <database id>' (in "
                    + "PowerShell, -Header @{ 'X-Database-Id' = '<database id>' })."
            );

        if (!System.Text.Unicode.Utf8.IsValid(text))
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLNotUtf8,
                $"{Endpoint} answered HTTP {code} with a body that is not valid UTF-8 while {doing}; GraphQL answers are UTF-8 "
                    + $"JSON, so nothing from it was used."
            );

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
                ? $" It sent an HTML page, so this is probably not the GraphQL endpoint itself (check the URL), or a proxy "
                    + $"answered instead (a Constructive meta API also needs {OptionName.Header} 'X-Meta-Schema: true')."
                : "";
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLNotJson,
                $"{Endpoint} answered HTTP {code} with a body that is not GraphQL JSON while {doing}.{hint}"
            );
        }
        if (json["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0];
            var message = first?["message"]?.GetValue<string>() ?? "unknown error";
            var path = first?["path"] is JsonArray p ? " at " + string.Join(".", p.Select(x => x?.ToString())) : "";
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more errors)" : "";
            var errorCode = first?["extensions"]?["code"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
            if (errorCode == "REQUEST_TOO_LARGE")
                throw RequestTooLarge(
                    doing,
                    $"{first?["extensions"]?["context"]?["bytes"]?.ToString() ?? "?"} bytes",
                    $"; the server allows {first?["extensions"]?["context"]?["limit"]?.ToString() ?? "fewer"}: {message}"
                );
            if (errorCode == "PAGE_SIZE_TOO_LARGE" || message.Contains("PAGE_SIZE_TOO_LARGE", StringComparison.Ordinal))
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.GraphQLPageSizeTooLarge,
                    $"{Endpoint} refused the page size while {doing}: {message}."
                );
            if (
                errorCode == IntrospectionDisabledCode
                || message.Contains("introspection has been disabled", StringComparison.OrdinalIgnoreCase)
            )
                throw new ExportException(
                    ExportErrorKind.Unavailable,
                    ErrorId.GraphQLIntrospectionDisabled,
                    $"{Endpoint} refuses introspection ({errorCode ?? message}) while {doing}. Constructive keeps introspection "
                        + $"per database and API "
                        + "(new databases have it off); the export then finds the API's names from the manifest and PostGraphile's "
                        + "naming rules (IntrospectionFreeSchema)."
                );
            if (errorsAreTheAnswer && errors.All(e => e?["locations"] is JsonArray { Count: > 0 }))
                return (null, errors);
            var kind =
                code == 400 || message.Contains("Cannot query field", StringComparison.Ordinal)
                    ? ExportErrorKind.Protocol
                    : ExportErrorKind.InvalidData;
            throw new ExportException(kind, ErrorId.GraphQLError, $"{Endpoint} returned an error while {doing}: {message}{path}{more}.");
        }
        if (code is < 200 or >= 300)
            throw new ExportException(
                ExportErrorKind.Protocol,
                ErrorId.GraphQLHttpError,
                $"{Endpoint} answered HTTP {code} while {doing}."
            );
        if (json["data"] is not JsonObject data)
            throw new ExportException(ExportErrorKind.Protocol, ErrorId.GraphQLNoData, $"{Endpoint} answered without data while {doing}.");
        return (data, null);
    }

    /// <summary>
    /// Constructive's server refuses a private-mode request that names no database with HTTP 500, as JSON with the code
    /// NO_DATABASE_ID or as its HTML error page; the latter is recognised by the request: X-Meta-Schema without X-Database-Id.
    /// </summary>
    private bool NoDatabaseId(byte[] text)
    {
        if (text.AsSpan().IndexOf("NO_DATABASE_ID"u8) >= 0)
            return true;
        return LooksLikeHtml(text)
            && options.Headers.Keys.Any(h => h.Equals("X-Meta-Schema", StringComparison.OrdinalIgnoreCase))
            && !options.Headers.Keys.Any(h => h.Equals("X-Database-Id", StringComparison.OrdinalIgnoreCase));
    }

    private static string ErrorSummary(byte[] text)
    {
        try
        {
            if (JsonNode.Parse(text)?["errors"] is JsonArray { Count: > 0 } errors && errors[0]?["message"] is JsonValue message)
                return ": " + message.GetValue<string>().TrimEnd('.', ' ');
        }
        catch (JsonException) { }
        return "";
    }

    private static bool LooksLikeHtml(byte[] text)
    {
        var start = text.AsSpan().TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
