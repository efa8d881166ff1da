using Pgpm.Export.Model;

namespace Pgpm.Export.Manifest;

/// <summary>One meta table of the manifest with its export rules.</summary>
/// <param name="Table">The table.</param>
/// <param name="OnConflictDoNothing">Whether its INSERT ends with <c>ON CONFLICT DO NOTHING</c> (field rows, which triggers may have created already).</param>
/// <param name="DropColumns">Columns never exported because the target database supplies them (<c>dbname</c>, now()-default timestamps).</param>
public sealed record ManifestTable(TableRef Table, bool OnConflictDoNothing, IReadOnlyList<string> DropColumns);
