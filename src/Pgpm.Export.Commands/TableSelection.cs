using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Errors;
using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands;

/// <summary>
/// The meta tables a Get-ExportTable call is about, out of all of them in export order: all, or those whose
/// name (<c>field</c>) or full name (<c>metaschema_public.field</c>) matches one of the given names.
/// </summary>
internal static class TableSelection
{
    public static IReadOnlyList<(TableRef Table, ManifestTable? Entry)> Select(
        IReadOnlyList<(TableRef Table, ManifestTable? Entry)> all,
        IReadOnlyList<string>? names,
        ICommandOutput output
    )
    {
        if (names is null || names.Count == 0)
            return all;
        var patterns = names.Select(n => new NamePattern(n)).ToList();
        foreach (var missing in patterns.Where(p => !p.HasWildcards && !all.Any(t => Matches(p, t.Table))))
            output.WriteError(
                new CommandError(
                    ErrorId.TableNotFound,
                    ExportErrorKind.NotFound,
                    $"No meta table is named '{missing.Text}'. Get-ExportTable -ListAvailable lists them.",
                    missing.Text
                )
            );
        return all.Where(t => patterns.Any(p => Matches(p, t.Table))).ToList();
    }

    public static bool Matches(NamePattern pattern, TableRef table) => pattern.Matches(table.Name) || pattern.Matches(table.ToString());
}
