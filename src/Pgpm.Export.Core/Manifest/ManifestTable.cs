using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>One meta table of the manifest with its export rules.</summary>
/// <param name="Table">The table.</param>
/// <param name="OnConflictDoNothing">Whether its INSERT ends with <c>ON CONFLICT DO NOTHING</c> (field rows, which triggers may have
/// created already).</param>
/// <param name="DropColumns">Columns never exported because the target database supplies them (<c>dbname</c>, now()-default
/// timestamps).</param>
/// <param name="Columns">
/// The table's columns in ordinal order as the schema version defines them, or null when the manifest does not say
/// (a user's manifest may list tables only). Over GraphQL each of them, less <paramref name="DropColumns"/>, must be
/// read or reported (the column contract, spec "Manifest").
/// </param>
public sealed record ManifestTable(
    TableRef Table,
    bool OnConflictDoNothing,
    IReadOnlyList<string> DropColumns,
    IReadOnlyList<ManifestColumn>? Columns = null
)
{
    public ManifestColumn? FindColumn(string name) => Columns?.FirstOrDefault(c => c.Name == name);

    /// <summary>The columns an export must read: all listed columns less those the target supplies.</summary>
    public IEnumerable<ManifestColumn> ExportedColumns => (Columns ?? []).Where(c => !DropColumns.Contains(c.Name));
}
