using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Export;

/// <summary>
/// Which manifest an export follows (issue 17): a given manifest replaces the built-in ones; else the built-in one of
/// the schema version asked for; else the built-in version the source is closest to (over SQL from the catalog, over
/// GraphQL from what the API exposes). Verbose output says which and why. A version asked for that the source matches
/// less well than another is a stop (SchemaVersionMismatch), the same over SQL and GraphQL.
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
        var asked = schemaVersion is null ? null : ExportManifest.ForVersion(schemaVersion);
        var choice = await source.ChooseSchemaVersionAsync(ExportManifest.BuiltInVersions, cancellationToken).ConfigureAwait(false);
        if (asked is { } chosen)
        {
            // A version the source does not match would be exported as columns "missing" that were never there (over
            // GraphQL reported as hidden by the server, over SQL silently left out): both sources stop and say so.
            if (choice.Distances.GetValueOrDefault(chosen.Version!) > choice.Distances.GetValueOrDefault(choice.Manifest.Version!))
            {
                var notShown = choice.NotShown.GetValueOrDefault(chosen.Version!) ?? [];
                throw new ExportException(ExportErrorKind.InvalidArgument, "SchemaVersionMismatch",
                    $"Schema version {chosen.Version} was asked for ({OptionName.SchemaVersion}), but the source does not look like it: it is closer to {choice.Manifest.Version}, " +
                    $"and {notShown.Count} of {chosen.Version}'s columns are not in it ({string.Join(", ", notShown.Take(5))}{(notShown.Count > 5 ? ", …" : "")}). {choice.Reason} " +
                    $"Leave out {OptionName.SchemaVersion} to follow the version the source has, or give {choice.Manifest.Version}.");
            }
            log.Verbose($"Following schema version {chosen.Version}, as asked ({OptionName.SchemaVersion}).");
            return chosen;
        }
        log.Verbose(choice.Reason);
        return choice.Manifest;
    }
}
