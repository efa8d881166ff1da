namespace Pgpm.Export.Writing;

/// <summary>What one written package holds.</summary>
/// <param name="Kind">
/// <c>Database</c> or <c>Service</c>: a <see cref="PackageKind"/> name, held as text because PowerShell's ConvertTo-Json
/// writes an enum as its number (honouring no converter attribute) and users should not need -EnumsAsStrings.
/// </param>
public sealed record PackageSummary(string Name, string Kind, string Path, int Changes, long Rows)
{
    public PackageSummary(string name, PackageKind kind, string path, int changes, long rows) : this(name, kind.ToString(), path, changes, rows)
    {
    }

    /// <summary>Whether this is the package of that kind.</summary>
    public bool Is(PackageKind kind) => Kind == kind.ToString();

    /// <summary>Whether a package was already there: its plan and scripts were replaced, its other files kept.</summary>
    public bool Replaced { get; init; }

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
