namespace Pgpm.Export.Writing;

/// <summary>What one written package holds.</summary>
public sealed record PackageSummary(string Name, PackageKind Kind, string Path, int Changes, long Rows);

public enum PackageKind
{
    /// <summary>The database package: one change per sql_actions row.</summary>
    Database,
    /// <summary>The service package: one migrate/&lt;table&gt; change per meta table with rows.</summary>
    Service,
}
