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
    public static async Task<IExportSource> OpenAsync(CliOptions cli, ParseResult parse, ExportManifest? manifest, IExportLog log, CancellationToken cancellationToken)
    {
        var endpoint = parse.GetValue(cli.GraphQLEndpoint);
        var connectionString = parse.GetValue(cli.ConnectionString);
        if (endpoint is not null && connectionString is not null)
            throw new ExportException(ExportErrorKind.InvalidArgument, "TwoSources", "Give either --connection-string or --graphql-endpoint, not both.");
        if (endpoint is null)
            return await SqlExportSource.OpenAsync(cli.RequireConnectionString(parse), log, cancellationToken).ConfigureAwait(false);

        var options = EndpointOptions(endpoint, "--graphql-endpoint", parse.GetValue(cli.Header), "--header", parse, cli);
        var migrateUri = parse.GetValue(cli.MigrateEndpoint);
        var migrate = migrateUri is null ? null : EndpointOptions(migrateUri, "--migrate-endpoint", parse.GetValue(cli.MigrateHeader), "--migrate-header", parse, cli);
        return await GraphQLExportSource.OpenAsync(options, migrate, manifest, log, cancellationToken).ConfigureAwait(false);
    }

    private static GraphQLEndpointOptions EndpointOptions(string url, string endpointFlag, string[]? headers, string headerFlag, ParseResult parse, CliOptions cli)
    {
        var token = parse.GetValue(cli.Token) ?? Environment.GetEnvironmentVariable(CliOptions.TokenVariable);
        return new GraphQLEndpointOptions
        {
            Endpoint = EndpointSettings.ParseEndpoint(url, endpointFlag),
            Token = string.IsNullOrEmpty(token) ? null : token,
            Headers = EndpointSettings.CheckHeaders(SplitHeaders(headers ?? [], headerFlag), headerFlag, $"--token or {CliOptions.TokenVariable}"),
            PageSize = EndpointSettings.CheckPageSize(parse.GetValue(cli.PageSize) ?? GraphQLEndpointOptions.DefaultPageSize, "--page-size"),
            MaxResponseBytes = EndpointSettings.CheckMaxResponseBytes(
                parse.GetValue(cli.MaxResponseMb) is { } mb ? (long)mb << 20 : GraphQLEndpointOptions.DefaultMaxResponseBytes, "--max-response-mb"),
            SkipCertificateCheck = parse.GetValue(cli.SkipCertificateCheck),
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> SplitHeaders(IEnumerable<string> headers, string flag)
    {
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            if (colon <= 0)
                throw new ExportException(ExportErrorKind.InvalidArgument, "HeaderInvalid", $"{flag} takes 'Name: value', not '{header.Split(':')[0]}…'.");
            yield return new(header[..colon], header[(colon + 1)..]);
        }
    }
}
