using System.CommandLine;
using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Cli;

/// <summary>Opens the source the command line names: PostgreSQL (--connection-string) or a GraphQL API (--graphql-endpoint).</summary>
internal static class SourceFactory
{
    public static async Task<IExportSource> OpenAsync(CliOptions cli, ParseResult parse, ExportManifest manifest, IExportLog log, CancellationToken cancellationToken)
    {
        var endpoint = parse.GetValue(cli.GraphQLEndpoint);
        var connectionString = parse.GetValue(cli.ConnectionString);
        if (endpoint is not null && connectionString is not null)
            throw new ExportException(ExportErrorKind.InvalidArgument, "TwoSources", "Give either --connection-string or --graphql-endpoint, not both.");
        if (endpoint is null)
            return await SqlExportSource.OpenAsync(cli.RequireConnectionString(parse), log, cancellationToken).ConfigureAwait(false);

        var options = EndpointOptions(endpoint, parse.GetValue(cli.Header), parse, cli, "--header");
        var migrateUri = parse.GetValue(cli.MigrateEndpoint);
        var migrate = migrateUri is null ? null : EndpointOptions(migrateUri, parse.GetValue(cli.MigrateHeader), parse, cli, "--migrate-header");
        return await GraphQLExportSource.OpenAsync(options, migrate, manifest, log, cancellationToken).ConfigureAwait(false);
    }

    private static GraphQLEndpointOptions EndpointOptions(string url, string[]? headers, ParseResult parse, CliOptions cli, string headerFlag)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new ExportException(ExportErrorKind.InvalidArgument, "EndpointInvalid", $"'{url}' is not an http or https URL.");
        var pageSize = parse.GetValue(cli.PageSize) ?? 500;
        if (pageSize < 1)
            throw new ExportException(ExportErrorKind.InvalidArgument, "PageSizeInvalid", "--page-size must be at least 1.");
        var token = parse.GetValue(cli.Token) ?? Environment.GetEnvironmentVariable(CliOptions.TokenVariable);
        return new GraphQLEndpointOptions
        {
            Endpoint = endpoint,
            Token = string.IsNullOrEmpty(token) ? null : token,
            Headers = ParseHeaders(headers ?? [], headerFlag),
            PageSize = pageSize,
        };
    }

    private static Dictionary<string, string> ParseHeaders(IEnumerable<string> headers, string flag)
    {
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            if (colon <= 0)
                throw new ExportException(ExportErrorKind.InvalidArgument, "HeaderInvalid", $"{flag} takes 'Name: value', not '{header.Split(':')[0]}…'.");
            var name = header[..colon].Trim();
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                throw new ExportException(ExportErrorKind.InvalidArgument, "HeaderInvalid", $"Pass the token with --token or {CliOptions.TokenVariable}, not as an {flag}.");
            parsed[name] = header[(colon + 1)..].Trim();
        }
        return parsed;
    }
}
