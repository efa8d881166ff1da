using Pgpm.Export.Manifest;

namespace Pgpm.Export.Exporting;

/// <summary>What to export and where. Give the database by <see cref="DatabaseId"/> or <see cref="DatabaseName"/>.</summary>
public sealed record ExportOptions
{
    public Guid? DatabaseId { get; init; }
    public string? DatabaseName { get; init; }
    public required string OutputPath { get; init; }

    /// <summary>The database package's name; defaults to the database's name.</summary>
    public string? ExtensionName { get; init; }

    /// <summary>The service package's name; defaults to <c>&lt;database name&gt;-service</c>.</summary>
    public string? MetaExtensionName { get; init; }

    /// <summary><c>Name &lt;email&gt;</c> for the plan lines and package.json.</summary>
    public string? Author { get; init; }

    /// <summary>The schemas to rename, by name or schema_name; null means all of the database's schemas.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>sql_actions categories to leave out; a NULL category is always kept.</summary>
    public IReadOnlyList<string> ExcludeCategories { get; init; } = [];

    /// <summary>
    /// A manifest replacing the built-in ones (a user's file for another schema version). Null follows the built-in
    /// manifest of <see cref="SchemaVersion"/>, or of the version the source is closest to.
    /// </summary>
    public ExportManifest? Manifest { get; init; }

    /// <summary>
    /// The manifest a caller already chose with <see cref="SchemaVersionResolver"/> for this export (the export command
    /// does, to read piped rows by it): followed as is, with no second choice and no second verbose line about it. When set,
    /// <see cref="Manifest"/> and <see cref="SchemaVersion"/> are not looked at.
    /// </summary>
    public ExportManifest? ResolvedManifest { get; init; }

    /// <summary>
    /// The database a caller already resolved from <see cref="DatabaseId"/> or <see cref="DatabaseName"/> (the export
    /// command does, to read piped rows for it and name it in progress): exported as is, without asking the source again.
    /// When set, <see cref="DatabaseId"/> and <see cref="DatabaseName"/> are not looked at.
    /// </summary>
    public Model.DatabaseInfo? ResolvedDatabase { get; init; }

    /// <summary>The built-in schema version to follow (<c>0.15.5</c>, <c>0.16</c>) instead of the one the source is closest to.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>
    /// Proceed when the source will not give a column of the schema version (a GraphQL API hides it or cannot carry its
    /// type): each is then a warning and listed in <see cref="ExportResult.Omissions"/>. Without it such an export stops, naming the
    /// columns.
    /// </summary>
    public bool AllowMissingColumns { get; init; }

    /// <summary>Stop, instead of warning, when the source does not expose a table of the schema version (a GraphQL API that hides
    /// it).</summary>
    public bool FailOnHiddenTables { get; init; }

    public const int DefaultConcurrency = 4;

    /// <summary>
    /// How many tables are read at once (meta tables and sql_actions); 1 reads them one after another.
    /// The output is byte-identical either way.
    /// </summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Whether an existing package may be replaced (its user files are kept either way).</summary>
    public bool ReplaceExisting { get; init; } = true;

    /// <summary>
    /// Asked once per package after both are staged, before anything is moved into place; a package it
    /// declines is not written (nothing of it is left behind). Null writes every package.
    /// </summary>
    public Func<PendingPackage, CancellationToken, ValueTask<bool>>? ConfirmPackage { get; init; }

    /// <summary>
    /// Only show what would be written (PowerShell's -WhatIf): each package is described from the source's row counts
    /// (<see cref="Sources.IExportSource.CountRowsAsync"/>) and shown to <see cref="ConfirmPackage"/>; no row is read and
    /// nothing is staged, locked or written, in <see cref="OutputPath"/> or anywhere else. The schemas' new names and the
    /// column contract are checked as for an export; problems of the rows themselves show only in a real export.
    /// </summary>
    public bool Preview { get; init; }
}
