namespace Pgpm.Export.Commands;

/// <summary>
/// A meta table as Get-ExportTable -ListAvailable shows it: whether the built-in manifest knows it
/// (and so its place in dependency order) and whether the source exposes it.
/// </summary>
public sealed record ExportTableInfo(string Schema, string Name, bool InManifest, bool Exposed)
{
    public string FullName => $"{Schema}.{Name}";
}
