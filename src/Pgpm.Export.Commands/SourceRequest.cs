using Pgpm.Export.Manifest;

namespace Pgpm.Export.Commands;

/// <summary>
/// How to reach a source: a PostgreSQL connection string, or a GraphQL endpoint with an optional token,
/// extra headers and migrate endpoint. <see cref="ToString"/> never shows the token or the connection string.
/// </summary>
public sealed class SourceRequest
{
    /// <summary>The environment variable read for the token when none is given.</summary>
    public const string TokenVariable = "PGPM_EXPORT_TOKEN";

    /// <summary>The environment variable read for the connection string when no source is given, as the command line does.</summary>
    public const string ConnectionStringVariable = "PGPM_EXPORT_CONNECTION_STRING";

    /// <summary>The PostgreSQL connection string; with no <see cref="GraphQLEndpoint"/> either, <see cref="ConnectionStringVariable"/> is
    /// read.</summary>
    public string? ConnectionString { get; init; }
    public string? GraphQLEndpoint { get; init; }

    /// <summary>The bearer token; null falls back to <see cref="TokenVariable"/>.</summary>
    public string? Token { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A second GraphQL endpoint that serves db_migrate.sql_actions; it gets the same token.</summary>
    public string? MigrateEndpoint { get; init; }

    /// <summary>
    /// The headers sent to <see cref="MigrateEndpoint"/>; null sends it <see cref="Headers"/> (the cmdlets' one
    /// -Header), while the command line gives the two endpoints their headers apart (--header, --migrate-header).
    /// </summary>
    public IReadOnlyDictionary<string, string>? MigrateHeaders { get; init; }

    /// <summary>
    /// The manifest a GraphQL source discovers its tables by when the API refuses introspection; null is the
    /// built-in one. The command line passes its --manifest here, so the source reads by the export's manifest.
    /// </summary>
    public ExportManifest? Manifest { get; init; }

    public int? PageSize { get; init; }

    /// <summary>The largest GraphQL answer accepted, in bytes; null for the default.</summary>
    public long? MaxResponseBytes { get; init; }

    /// <summary>Accept any TLS certificate (a test endpoint only); the source warns when it is set.</summary>
    public bool SkipCertificateCheck { get; init; }

    public override string ToString() => GraphQLEndpoint is not null ? $"GraphQL {GraphQLEndpoint}" : "PostgreSQL";
}
