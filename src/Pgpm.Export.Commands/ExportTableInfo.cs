namespace Pgpm.Export.Commands;

/// <summary>
/// A meta table as Get-ExportTable -ListAvailable shows it: whether the built-in manifest knows it
/// (and so its place in dependency order) and whether the source exposes it. A class, not a record, so Get-Member
/// shows only these properties (see <see cref="Model.DatabaseInfo"/>).
/// </summary>
public sealed class ExportTableInfo(string schema, string name, bool inManifest, bool exposed)
{
    public string Schema { get; } = schema;

    public string Name { get; } = name;

    public bool InManifest { get; } = inManifest;

    public bool Exposed { get; } = exposed;

    /// <summary><c>schema.table</c>, as -Name takes it.</summary>
    public string FullName => $"{Schema}.{Name}";

    public override string ToString() => FullName;
}
