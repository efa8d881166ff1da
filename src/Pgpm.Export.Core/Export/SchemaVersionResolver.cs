using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Export;

/// <summary>
/// Which manifest an export follows (issue 17): a given manifest replaces the built-in ones; else the built-in one of
/// the schema version asked for; else the built-in version the source is closest to (over SQL from the catalog, over
/// GraphQL from what the API exposes). Verbose output says which and why.
/// </summary>
public static class SchemaVersionResolver
{
    public static async Task<ExportManifest> ResolveAsync(IExportSource source, ExportManifest? manifest, string? schemaVersion, IExportLog log, CancellationToken cancellationToken)
    {
        if (manifest is not null)
        {
            if (schemaVersion is not null)
                throw new ExportException(ExportErrorKind.InvalidArgument, "ManifestAndSchemaVersion",
                    $"Give either a manifest ({OptionName.Manifest}) or a built-in schema version ({OptionName.SchemaVersion}), not both: a manifest replaces the built-in ones.");
            log.Verbose($"Following {manifest.Describe()} from the manifest given ({OptionName.Manifest}).");
            return manifest;
        }
        if (schemaVersion is not null)
        {
            var chosen = ExportManifest.ForVersion(schemaVersion);
            log.Verbose($"Following schema version {chosen.Version}, as asked ({OptionName.SchemaVersion}).");
            return chosen;
        }
        var choice = await source.ChooseSchemaVersionAsync(ExportManifest.BuiltInVersions, cancellationToken).ConfigureAwait(false);
        log.Verbose(choice.Reason);
        return choice.Manifest;
    }
}
