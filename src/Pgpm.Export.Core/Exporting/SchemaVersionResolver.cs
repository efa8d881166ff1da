using Pgpm.Export.Errors;
using Pgpm.Export.Logging;
using Pgpm.Export.Manifest;
using Pgpm.Export.Sources;

namespace Pgpm.Export.Exporting;

/// <summary>
/// Which manifest an export follows: a given manifest replaces the built-in ones; else the built-in one of
/// the schema version asked for; else the built-in version the source is closest to (over SQL from the catalog, over
/// GraphQL from what the API exposes). Verbose output says which and why. A version asked for that the source matches
/// less well than another is a stop (SchemaVersionMismatch), the same over SQL and GraphQL.
/// </summary>
public static class SchemaVersionResolver
{
    public static async Task<ExportManifest> ResolveAsync(
        IExportSource source,
        ExportManifest? manifest,
        string? schemaVersion,
        IExportLog log,
        CancellationToken cancellationToken
    )
    {
        if (manifest is not null)
        {
            if (schemaVersion is not null)
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.ManifestAndSchemaVersion,
                    $"Give either a manifest ({OptionName.Manifest}) or a built-in schema version ({OptionName.SchemaVersion}), "
                        + "not both: a manifest replaces the built-in ones."
                );
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
                log.Verbose(choice.Reason);
                throw new ExportException(
                    ExportErrorKind.InvalidArgument,
                    ErrorId.SchemaVersionMismatch,
                    Mismatch(chosen.Version!, choice.Manifest.Version!, notShown)
                );
            }
            log.Verbose($"Following schema version {chosen.Version}, as asked ({OptionName.SchemaVersion}).");
            return chosen;
        }
        log.Verbose(choice.Reason);
        return choice.Manifest;
    }

    /// <summary>How many missing columns the mismatch message names before "and N more".</summary>
    private const int NamedColumns = 3;

    /// <summary>
    /// One sentence: the version forced, the one the source matches better, the columns of the forced version the source
    /// lacks (how many, the first few), and what to do. Why the source matches the other version is a verbose line.
    /// </summary>
    private static string Mismatch(string forced, string better, IReadOnlyList<string> missing)
    {
        var named =
            string.Join(", ", missing.Take(NamedColumns))
            + (missing.Count > NamedColumns ? $" and {missing.Count - NamedColumns} more" : "");
        var lacking =
            missing.Count == 0
                ? ""
                : $": {Counted.Of(missing.Count, "column")} of {forced} {(missing.Count == 1 ? "is" : "are")} missing from it ({named})";
        return $"{OptionName.SchemaVersion} {forced} was given, but the source matches schema version {better} better{lacking}; "
            + $"leave out {OptionName.SchemaVersion}, or give {better}, to export it.";
    }
}
