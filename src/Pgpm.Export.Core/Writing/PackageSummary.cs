namespace Pgpm.Export.Writing;

/// <summary>What one written package holds.</summary>
public sealed record PackageSummary(string Name, PackageKind Kind, string Path, int Changes, long Rows)
{
    /// <summary>
    /// For the service package: the tables and columns of the chosen schema version the source would not give and the
    /// export was allowed to leave out (<c>--allow-missing-columns</c>; hidden tables), each with why. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Model.ExportOmission> Omissions { get; init; } = [];
}

public enum PackageKind
{
    /// <summary>The database package: one change per sql_actions row.</summary>
    Database,
    /// <summary>The service package: one migrate/&lt;table&gt; change per meta table with rows.</summary>
    Service,
}
