using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Commands;

/// <summary>Opens the source a <see cref="SourceRequest"/> describes, checking it answers.</summary>
public static class SourceOpener
{
    /// <summary>
    /// Opens the request's source; with neither a connection string nor an endpoint, the connection string in
    /// <c>$env:PGPM_EXPORT_CONNECTION_STRING</c>, as the command line does.
    /// </summary>
    /// <exception cref="ExportException">
    /// SourceGivenTwice or SourceNotGiven (InvalidArgument), naming the options; or the source's own errors.
    /// </exception>
    public static async Task<PgpmExportSource> OpenAsync(SourceRequest request, IExportLog log, CancellationToken cancellationToken)
    {
        var opening = new OpeningLog(log);
        var source = await OpenInnerAsync(request, opening, cancellationToken).ConfigureAwait(false);
        return new PgpmExportSource(source.Inner, source.Kind, opening.Warnings);
    }

    private static async Task<(IExportSource Inner, string Kind)> OpenInnerAsync(
        SourceRequest request,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        if (request.ConnectionString is not null && request.GraphQLEndpoint is not null)
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.SourceGivenTwice,
                $"Give either {OptionName.ConnectionStringAlone} or {OptionName.GraphQLEndpoint}, not both."
            );
        var connectionString = request.GraphQLEndpoint is null
            ? request.ConnectionString ?? Environment.GetEnvironmentVariable(SourceRequest.ConnectionStringVariable)
            : null;
        if (request.GraphQLEndpoint is null && string.IsNullOrWhiteSpace(connectionString))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.SourceNotGiven,
                $"Give the source: {OptionName.GraphQLEndpoint} (with {OptionName.Token}), {OptionName.ConnectionString}, "
                    + "or -Source with a source from New-PgpmExportSource."
            );
        if (connectionString is not null)
            return (await SqlExportSource.OpenAsync(connectionString, log, cancellationToken).ConfigureAwait(false), "Sql");

        var token = request.Token ?? Environment.GetEnvironmentVariable(SourceRequest.TokenVariable);
        var main = Endpoint(request, request.GraphQLEndpoint!, OptionName.GraphQLEndpoint, request.Headers, OptionName.Header, token);
        var migrate = request.MigrateEndpoint is null
            ? null
            : Endpoint(
                request,
                request.MigrateEndpoint,
                OptionName.MigrateEndpoint,
                request.MigrateHeaders ?? request.Headers,
                OptionName.MigrateHeader,
                token
            );
        var manifest = request.Manifest ?? ExportManifest.BuiltIn;
        var source = await GraphQLExportSource.OpenAsync(main, migrate, manifest, log, cancellationToken).ConfigureAwait(false);
        return (source, "GraphQL");
    }

    /// <summary>Passes the log on and keeps the warnings, which stand for as long as the source is open.</summary>
    private sealed class OpeningLog(IExportLog inner) : IExportLog
    {
        public List<string> Warnings { get; } = [];

        public void Verbose(string message) => inner.Verbose(message);

        public void Warning(string message)
        {
            Warnings.Add(message);
            inner.Warning(message);
        }
    }

    /// <summary>One endpoint's settings, checked; the errors name the options as placeholders each host renders.</summary>
    private static GraphQLEndpointOptions Endpoint(
        SourceRequest request,
        string url,
        OptionName what,
        IReadOnlyDictionary<string, string> headers,
        OptionName headersWhat,
        string? token
    ) =>
        new()
        {
            Endpoint = EndpointSettings.ParseEndpoint(url, what.ToString()),
            Token = string.IsNullOrEmpty(token) ? null : token,
            Headers = EndpointSettings.CheckHeaders(headers, headersWhat.ToString(), OptionName.Token.ToString()),
            PageSize = EndpointSettings.CheckPageSize(
                request.PageSize ?? GraphQLEndpointOptions.DefaultPageSize,
                OptionName.PageSize.ToString()
            ),
            MaxResponseBytes = EndpointSettings.CheckMaxResponseBytes(
                request.MaxResponseBytes ?? GraphQLEndpointOptions.DefaultMaxResponseBytes,
                OptionName.MaxResponseSize.ToString()
            ),
            SkipCertificateCheck = request.SkipCertificateCheck,
        };
}
