namespace Pgpm.Export.Writing;

/// <summary>What a package's control file, Makefile and package.json say.</summary>
public sealed record PackageMetadata(string Name, string Description, IReadOnlyList<string> Requires, PlanAuthor Author)
{
    public static readonly IReadOnlyList<string> DatabaseRequires =
    [
        "plpgsql",
        "uuid-ossp",
        "citext",
        "pgcrypto",
        "btree_gist",
        "postgis",
        "hstore",
        "metaschema-schema",
        "pgpm-inflection",
        "pgpm-uuid",
        "pgpm-utils",
        "pgpm-database-jobs",
        "pgpm-jwt-claims",
        "pgpm-stamps",
        "pgpm-base32",
        "pgpm-totp",
        "pgpm-types",
    ];

    public static readonly IReadOnlyList<string> ServiceRequires = ["plpgsql", "metaschema-schema", "metaschema-modules", "services"];
}
