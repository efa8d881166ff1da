using System.CommandLine;
using System.CommandLine.Parsing;
using Pgpm.Export.Commands;
using Pgpm.Export.Errors;
using Pgpm.Export.Exporting;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources.GraphQL;

namespace Pgpm.Export.Cli;

/// <summary>The established <c>pgpm export</c> flags, with the camelCase spellings upstream accepts as aliases.</summary>
internal sealed class CliOptions
{
    public const string ConnectionStringVariable = SourceRequest.ConnectionStringVariable;

    public Option<string?> ConnectionString { get; } =
        new("--connection-string", "-c")
        {
            Description =
                $"Npgsql connection string of the PostgreSQL database that holds the metaschema (or set {ConnectionStringVariable}, "
                + "which keeps the password out of the process list).",
        };

    public const string TokenVariable = SourceRequest.TokenVariable;

    public Option<string?> GraphQLEndpoint { get; } =
        new("--graphql-endpoint", "--graphqlEndpoint")
        {
            Description =
                "GraphQL endpoint of the platform's API (instead of --connection-string), e.g. " + "https://api.example.com/graphql.",
        };
    public Option<string?> Token { get; } =
        new("--token")
        {
            Description =
                $"Bearer token for the GraphQL endpoint (better: set {TokenVariable}, which keeps it out of the process "
                + "list and shell history).",
        };
    public Option<string[]> Header { get; } =
        new("--header", "-H")
        {
            Description = "Extra request header 'Name: value' for the GraphQL endpoint; repeatable (e.g. 'X-Meta-Schema: true').",
        };
    public Option<string?> MigrateEndpoint { get; } =
        new("--migrate-endpoint")
        {
            Description =
                "A separate GraphQL endpoint that offers sql_actions (an exportSqlActions root field or the db_migrate "
                + "connection), for the database package when the main endpoint offers neither.",
        };
    public Option<string[]> MigrateHeader { get; } =
        new("--migrate-header") { Description = "Extra request header 'Name: value' for the migrate endpoint; repeatable." };
    public Option<int?> MaxResponseMb { get; } =
        new("--max-response-mb")
        {
            Description =
                "The largest GraphQL answer accepted, in MB (default "
                + $"{GraphQLEndpointOptions.DefaultMaxResponseBytes >> 20}); a larger one stops the export instead of "
                + "filling memory.",
        };
    public Option<bool> SkipCertificateCheck { get; } =
        new("--skip-certificate-check")
        {
            Description =
                "Accept any TLS certificate from the GraphQL endpoints. Only for a test endpoint with a self-signed "
                + "certificate: it lets anyone on the path read the token. Prints a warning.",
        };
    public Option<int?> PageSize { get; } =
        new("--page-size")
        {
            Description =
                $"The most rows per GraphQL page (default {GraphQLEndpointOptions.DefaultPageSize}); fewer when rows are "
                + "large, and halved while the server refuses the size.",
        };

    public Option<Guid?> DatabaseId { get; } =
        new("--database-id", "--databaseId")
        {
            Description = "Id of the database (a row of metaschema_public.database) to export.",
            CustomParser = OptionValueParsers.Uuid,
        };
    public Option<string?> DatabaseName { get; } =
        new("--database", "-d") { Description = "Name of the database (metaschema_public.database.name) to export." };
    public Option<string?> ExtensionName { get; } =
        new("--extension-name", "--extensionName") { Description = "Name of the database package (default: the database's name)." };
    public Option<string?> MetaExtensionName { get; } =
        new("--meta-extension-name", "--metaExtensionName")
        {
            Description = "Name of the service package (default: <database name>-service).",
        };
    public Option<string?> Author { get; } = new("--author") { Description = "Author for plans and package.json, as 'Name <email>'." };
    public Option<string[]> Schemas { get; } =
        new("--schemas")
        {
            Description = "Schemas to rename, by name or schema_name, comma-separated (default: all).",
            AllowMultipleArgumentsPerToken = true,
        };
    public Option<string[]> ExcludeCategories { get; } =
        new("--exclude-categories", "--excludeCategories")
        {
            Description = "sql_actions categories to leave out, comma-separated.",
            AllowMultipleArgumentsPerToken = true,
        };
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "The pgpm workspace to write into (created if missing)." };
    public Option<string?> ManifestFile { get; } =
        new("--manifest")
        {
            Description = "A manifest file replacing the built-in ones, for another schema version (see 'pgpm-export manifest').",
        };
    public Option<string?> SchemaVersion { get; } =
        new("--schema-version")
        {
            Description = "The built-in schema version to follow (0.15.5, 0.16) instead of the one the source is closest to.",
        };
    public Option<bool> AllowMissingColumns { get; } =
        new("--allow-missing-columns")
        {
            Description =
                "Export even when the source will not give a column of the schema version (a GraphQL API hides it or "
                + "cannot carry its type); each is then a warning and listed after the export.",
        };
    public Option<bool> FailOnHiddenTables { get; } =
        new("--fail-on-hidden-tables")
        {
            Description = "Stop when a GraphQL API does not expose a table of the schema version, instead of warning.",
        };
    public Option<int> Concurrency { get; } =
        new("--concurrency")
        {
            Description =
                $"How many tables are read at once (default {ExportOptions.DefaultConcurrency}; 1 reads one after "
                + "another). The output is the same either way.",
            DefaultValueFactory = _ => ExportOptions.DefaultConcurrency,
        };
    public Option<ProgressMode> Progress { get; } =
        new("--progress")
        {
            Description =
                "Live progress on standard error: auto (on a terminal that can redraw, not with TERM=dumb or on CI), "
                + "always (whenever standard error is a terminal), never. Never drawn when standard error is redirected.",
            DefaultValueFactory = _ => ProgressMode.Auto,
            CustomParser = OptionValueParsers.Mode,
            HelpName = "auto|always|never",
        };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Say which tables were read, skipped and renamed." };

    /// <summary>The source's options, then the export's, in the order --help lists them.</summary>
    public void AddExportOptionsTo(Command command)
    {
        AddSourceOptionsTo(command);
        Option[] options =
        [
            DatabaseId,
            DatabaseName,
            ExtensionName,
            MetaExtensionName,
            Author,
            Schemas,
            ExcludeCategories,
            Out,
            ManifestFile,
            SchemaVersion,
            AllowMissingColumns,
            FailOnHiddenTables,
            Concurrency,
            Progress,
            Verbose,
        ];
        foreach (var option in options)
            command.Options.Add(option);
    }

    public void AddSourceOptionsTo(Command command)
    {
        Option[] options =
        [
            ConnectionString,
            GraphQLEndpoint,
            Token,
            Header,
            MigrateEndpoint,
            MigrateHeader,
            PageSize,
            MaxResponseMb,
            SkipCertificateCheck,
        ];
        foreach (var option in options)
            command.Options.Add(option);
    }

    /// <summary>The export the options ask for, into <paramref name="outputPath"/>; a manifest file is read here.</summary>
    public ExportOptions Export(ParseResult parse, string outputPath)
    {
        var manifestFile = parse.GetValue(ManifestFile);
        return new ExportOptions
        {
            OutputPath = outputPath,
            DatabaseId = parse.GetValue(DatabaseId),
            DatabaseName = parse.GetValue(DatabaseName),
            ExtensionName = parse.GetValue(ExtensionName),
            MetaExtensionName = parse.GetValue(MetaExtensionName),
            Author = parse.GetValue(Author),
            Schemas = parse.GetResult(Schemas) is null ? null : CommaList.Split(parse.GetValue(Schemas)),
            ExcludeCategories = CommaList.Split(parse.GetValue(ExcludeCategories)),
            Manifest = manifestFile is null ? null : ExportManifest.LoadFile(manifestFile),
            SchemaVersion = parse.GetValue(SchemaVersion),
            AllowMissingColumns = parse.GetValue(AllowMissingColumns),
            FailOnHiddenTables = parse.GetValue(FailOnHiddenTables),
            Concurrency = parse.GetValue(Concurrency),
        };
    }

    /// <summary>
    /// The source the command line names: the GraphQL endpoint, or else the connection string (given, or from
    /// <see cref="ConnectionStringVariable"/>). Both given is <see cref="SourceOpener"/>'s error.
    /// </summary>
    public SourceRequest Source(ParseResult parse, ExportManifest? manifest)
    {
        var endpoint = parse.GetValue(GraphQLEndpoint);
        var connectionString = parse.GetValue(ConnectionString);
        if (endpoint is null)
            return new SourceRequest { ConnectionString = RequireConnectionString(parse) };
        var migrateEndpoint = parse.GetValue(MigrateEndpoint);
        return new SourceRequest
        {
            ConnectionString = connectionString,
            GraphQLEndpoint = endpoint,
            Token = parse.GetValue(Token),
            Headers = OptionValueParsers.Headers(parse.GetValue(Header), OptionName.Header),
            MigrateEndpoint = migrateEndpoint,
            MigrateHeaders = migrateEndpoint is null
                ? null
                : OptionValueParsers.Headers(parse.GetValue(MigrateHeader), OptionName.MigrateHeader),
            PageSize = parse.GetValue(PageSize),
            MaxResponseBytes = parse.GetValue(MaxResponseMb) is { } mb ? (long)mb << 20 : null,
            SkipCertificateCheck = parse.GetValue(SkipCertificateCheck),
            Manifest = manifest,
        };
    }

    public string RequireConnectionString(ParseResult parse)
    {
        var value = parse.GetValue(ConnectionString) ?? Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new ExportException(
                ExportErrorKind.InvalidArgument,
                ErrorId.ConnectionStringMissing,
                $"Give the source with {OptionName.ConnectionStringAlone} 'Host=…;Database=…;Username=…' "
                    + $"(or set {ConnectionStringVariable})."
            );
        return value;
    }
}
