using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using Pgpm.Export.Commands;
using Pgpm.Export.Errors;
using Pgpm.Export.Sources.GraphQL;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// The parameters that say how to reach a source: a GraphQL endpoint (with a token as a SecureString, a
/// PSCredential's password or $env:PGPM_EXPORT_TOKEN), or a PostgreSQL connection string (given, or else
/// $env:PGPM_EXPORT_CONNECTION_STRING: the connection-string set is the default, so a command with no source
/// parameter reads the variable as the command line does, or stops with SourceNotGiven).
/// </summary>
public abstract class EndpointCmdlet : PgpmCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = ParameterSets.GraphQL)]
    [ValidateNotNull]
    public Uri GraphQLEndpoint { get; set; } = null!;

    /// <summary>The bearer token: a SecureString, or a plain string (<see cref="SecureStringTransformationAttribute"/>).</summary>
    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? Token { get; set; }

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [ValidateNotNull]
    public Hashtable? Header { get; set; }

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [ValidateNotNull]
    public Uri? MigrateEndpoint { get; set; }

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [ValidateRange(1, 100000)]
    public int PageSize { get; set; } = GraphQLEndpointOptions.DefaultPageSize;

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    [ValidateRange(1024, long.MaxValue)]
    public long MaxResponseSize { get; set; } = GraphQLEndpointOptions.DefaultMaxResponseBytes;

    [Parameter(ParameterSetName = ParameterSets.GraphQL)]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Not mandatory: its set is the default, and without it the source is $env:PGPM_EXPORT_CONNECTION_STRING
    /// (SourceOpener).</summary>
    [Parameter(ParameterSetName = ParameterSets.ConnectionString)]
    [ValidateNotNullOrEmpty]
    public string? ConnectionString { get; set; }

    /// <summary>The source the bound parameters describe. The token leaves its SecureString only here, for the request.</summary>
    internal SourceRequest BuildRequest()
    {
        if (ParameterSetName == ParameterSets.ConnectionString)
            return new SourceRequest { ConnectionString = ConnectionString };
        if (Token is not null && Credential is not null)
            ThrowTerminatingError(
                ErrorRecords.Argument(ErrorId.TokenGivenTwice, "Give the token with -Token or -Credential, not both.", null)
            );
        var token = Token is not null ? new NetworkCredential(string.Empty, Token).Password : Credential?.GetNetworkCredential().Password;
        return new SourceRequest
        {
            GraphQLEndpoint = GraphQLEndpoint.OriginalString,
            Token = string.IsNullOrEmpty(token) ? null : token,
            Headers = HeadersFrom(Header),
            MigrateEndpoint = MigrateEndpoint?.OriginalString,
            PageSize = PageSize,
            MaxResponseBytes = MaxResponseSize,
            SkipCertificateCheck = SkipCertificateCheck.IsPresent,
        };
    }

    /// <summary>A -Header hashtable as name → value text (PSObject wrappers taken off).</summary>
    internal static Dictionary<string, string> HeadersFrom(Hashtable? header)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (header is null)
            return headers;
        foreach (DictionaryEntry entry in header)
            headers[Convert.ToString(entry.Key) ?? ""] = Convert.ToString(entry.Value is PSObject p ? p.BaseObject : entry.Value) ?? "";
        return headers;
    }
}
