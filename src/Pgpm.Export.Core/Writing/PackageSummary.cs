namespace Pgpm.Export.Writing;

/// <summary>
/// What one written package holds; what Export-PgpmProject emits, one per package. A class, not a record, so
/// PowerShell's Get-Member shows only these properties (a record adds compiler-made members: <c>&lt;Clone&gt;$</c>,
/// <c>Deconstruct</c>).
/// </summary>
/// <param name="name">The package (extension) name.</param>
/// <param name="kind">
/// <c>Database</c> or <c>Service</c>: a <see cref="PackageKind"/> name, held as text because PowerShell's ConvertTo-Json
/// writes an enum as its number (honouring no converter attribute) and users should not need -EnumsAsStrings.
/// </param>
/// <param name="path">The package's folder, absolute.</param>
/// <param name="changes">Changes in its plan.</param>
/// <param name="rows">Meta rows written (service package) or sql_actions rows (database package).</param>
public sealed class PackageSummary(string name, string kind, string path, int changes, long rows)
{
    public PackageSummary(string name, PackageKind kind, string path, int changes, long rows)
        : this(name, kind.ToString(), path, changes, rows) { }

    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public string Path { get; } = path;

    public int Changes { get; } = changes;

    public long Rows { get; } = rows;

    /// <summary>Whether a package was already there: its plan and scripts were replaced, its other files kept.</summary>
    public bool Replaced { get; init; }

    /// <summary>
    /// For the service package: the tables and columns of the chosen schema version the source would not give and the
    /// export was allowed to leave out (<c>--allow-missing-columns</c>; hidden tables), each with why. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Model.ExportOmission> Omissions { get; init; } = [];

    /// <summary>Whether this is the package of that kind.</summary>
    internal bool Is(PackageKind kind) => Kind == kind.ToString();

    /// <summary>This summary with <paramref name="omissions"/> as its <see cref="Omissions"/>.</summary>
    internal PackageSummary WithOmissions(IReadOnlyList<Model.ExportOmission> omissions) =>
        new(Name, Kind, Path, Changes, Rows) { Replaced = Replaced, Omissions = omissions };

    /// <summary>The package name.</summary>
    public override string ToString() => Name;
}

public enum PackageKind
{
    /// <summary>The database package: one change per sql_actions row.</summary>
    Database,

    /// <summary>The service package: one migrate/&lt;table&gt; change per meta table with rows.</summary>
    Service,
}
