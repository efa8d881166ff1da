using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.GraphQL;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Commands;

/// <summary>Opens the source a <see cref="SourceRequest"/> describes, checking it answers.</summary>
public static class SourceOpener
{
    public static async Task<PgpmExportSource> OpenAsync(SourceRequest request, IExportLog log, CancellationToken cancellationToken)
    {
        if ((request.ConnectionString is null) == (request.GraphQLEndpoint is null))
            throw new ExportException(ExportErrorKind.InvalidArgument, "SourceNotGiven",
                "Give exactly one source: -GraphQLEndpoint, -ConnectionString or -Source.");
        if (request.ConnectionString is not null)
            return new PgpmExportSource(await SqlExportSource.OpenAsync(request.ConnectionString, log, cancellationToken).ConfigureAwait(false), "Sql");

        var token = request.Token ?? Environment.GetEnvironmentVariable(SourceRequest.TokenVariable);
        var main = Endpoint(request, request.GraphQLEndpoint!, "-GraphQLEndpoint", token);
        var migrate = request.MigrateEndpoint is null ? null : Endpoint(request, request.MigrateEndpoint, "-MigrateEndpoint", token);
        var source = await GraphQLExportSource.OpenAsync(main, migrate, ExportManifest.BuiltIn, log, cancellationToken).ConfigureAwait(false);
        return new PgpmExportSource(source, "GraphQL");
    }

    private static GraphQLEndpointOptions Endpoint(SourceRequest request, string url, string what, string? token) => new()
    {
        Endpoint = EndpointSettings.ParseEndpoint(url, what),
        Token = string.IsNullOrEmpty(token) ? null : token,
        Headers = EndpointSettings.CheckHeaders(request.Headers, "-Header", $"-Token, -Credential or $env:{SourceRequest.TokenVariable}"),
        PageSize = EndpointSettings.CheckPageSize(request.PageSize ?? GraphQLEndpointOptions.DefaultPageSize, "-PageSize"),
        MaxResponseBytes = EndpointSettings.CheckMaxResponseBytes(request.MaxResponseBytes ?? GraphQLEndpointOptions.DefaultMaxResponseBytes, "-MaxResponseSize"),
        SkipCertificateCheck = request.SkipCertificateCheck,
    };
}
