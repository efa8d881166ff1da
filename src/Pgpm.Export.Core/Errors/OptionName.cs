using System.Text.RegularExpressions;

namespace Pgpm.Export.Errors;

/// <summary>The two vocabularies a user meets the engine in: the <c>pgpm-export</c> command line and the PowerShell cmdlets.</summary>
public enum Vocabulary
{
    CommandLine,
    PowerShell,
}

/// <summary>
/// One message source, two vocabularies: how a message names an option the user can set. A message from the engine
/// never spells an option itself; it interpolates an <see cref="OptionName"/>, whose text is a placeholder such as
/// <c>{option:token}</c>, and each front end renders the message once, where it hands it to the user
/// (<see cref="Render"/>): the command line as <c>--token or PGPM_EXPORT_TOKEN</c>, a cmdlet as <c>-Token</c>.
/// <code>throw new ExportException(kind, id, $"Check the token ({OptionName.Token}).");</code>
/// To add an option (e.g. <c>--allow-missing-columns</c> / <c>-AllowMissingColumn</c>), add one field here and
/// to <see cref="All"/>; a test checks that every option named here is a real flag and a real cmdlet parameter.
/// </summary>
/// <param name="Key">The placeholder's key: the command-line flag without its dashes.</param>
/// <param name="CommandLine">How <c>pgpm-export</c> spells it, with its environment variable if it has one.</param>
/// <param name="PowerShell">How the cmdlets spell it (the parameter, with its alternatives).</param>
public sealed partial record OptionName(string Key, string CommandLine, string PowerShell)
{
    public static readonly OptionName Token = new("token", "--token or PGPM_EXPORT_TOKEN", "-Token, -Credential or $env:PGPM_EXPORT_TOKEN");
    public static readonly OptionName Header = new("header", "--header", "-Header");
    public static readonly OptionName MigrateEndpoint = new("migrate-endpoint", "--migrate-endpoint", "-MigrateEndpoint");
    public static readonly OptionName SkipCertificateCheck = new(
        "skip-certificate-check",
        "--skip-certificate-check",
        "-SkipCertificateCheck"
    );
    public static readonly OptionName PageSize = new("page-size", "--page-size", "-PageSize");
    public static readonly OptionName MaxResponseSize = new("max-response-mb", "--max-response-mb", "-MaxResponseSize");
    public static readonly OptionName Manifest = new("manifest", "--manifest", "-ManifestPath");
    public static readonly OptionName ExtensionName = new("extension-name", "--extension-name", "-ExtensionName");
    public static readonly OptionName MetaExtensionName = new("meta-extension-name", "--meta-extension-name", "-MetaExtensionName");
    public static readonly OptionName ConnectionString = new(
        "connection-string",
        "--connection-string or PGPM_EXPORT_CONNECTION_STRING",
        "-ConnectionString or $env:PGPM_EXPORT_CONNECTION_STRING"
    );

    /// <summary>The connection string's option alone, where the environment variable is no alternative (both sources given).</summary>
    public static readonly OptionName ConnectionStringAlone = new("connection-string-alone", "--connection-string", "-ConnectionString");

    /// <summary>The migrate endpoint's headers: the command line's own option; the cmdlets send -Header to both endpoints.</summary>
    public static readonly OptionName MigrateHeader = new("migrate-header", "--migrate-header", "-Header");
    public static readonly OptionName Out = new("out", "--out", "-OutputPath");
    public static readonly OptionName GraphQLEndpoint = new("graphql-endpoint", "--graphql-endpoint", "-GraphQLEndpoint");
    public static readonly OptionName Schemas = new("schemas", "--schemas", "-Schema");
    public static readonly OptionName ExcludeCategories = new("exclude-categories", "--exclude-categories", "-ExcludeCategory");
    public static readonly OptionName Concurrency = new("concurrency", "--concurrency", "-ThrottleLimit");
    public static readonly OptionName SchemaVersion = new("schema-version", "--schema-version", "-SchemaVersion");
    public static readonly OptionName AllowMissingColumns = new("allow-missing-columns", "--allow-missing-columns", "-AllowMissingColumn");
    public static readonly OptionName DatabaseId = new("database-id", "--database-id", "-DatabaseId");
    public static readonly OptionName Database = new("database", "--database", "-Database");
    public static readonly OptionName FailOnHiddenTables = new("fail-on-hidden-tables", "--fail-on-hidden-tables", "-FailOnHiddenTable");

    /// <summary>Every option a message may name.</summary>
    public static IReadOnlyList<OptionName> All { get; } =
    [
        Token,
        Header,
        MigrateEndpoint,
        MigrateHeader,
        SkipCertificateCheck,
        PageSize,
        MaxResponseSize,
        Manifest,
        ExtensionName,
        MetaExtensionName,
        ConnectionString,
        ConnectionStringAlone,
        GraphQLEndpoint,
        Schemas,
        ExcludeCategories,
        Concurrency,
        SchemaVersion,
        AllowMissingColumns,
        FailOnHiddenTables,
        DatabaseId,
        Database,
        Out,
    ];

    /// <summary>The placeholder a message carries until a front end renders it.</summary>
    public override string ToString() => "{option:" + Key + "}";

    /// <summary>The option as the given front end spells it.</summary>
    public string In(Vocabulary vocabulary) => vocabulary == Vocabulary.PowerShell ? PowerShell : CommandLine;

    /// <summary>
    /// A message with every option placeholder replaced by that option's spelling in <paramref name="vocabulary"/>;
    /// an unknown key is left as it is, so the text never loses words.
    /// </summary>
    public static string Render(string message, Vocabulary vocabulary) =>
        message.Contains("{option:", StringComparison.Ordinal)
            ? Placeholder().Replace(message, m => All.FirstOrDefault(o => o.Key == m.Groups[1].Value)?.In(vocabulary) ?? m.Value)
            : message;

    [GeneratedRegex(@"\{option:([a-z-]+)\}")]
    private static partial Regex Placeholder();
}
