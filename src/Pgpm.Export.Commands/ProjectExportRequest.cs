namespace Pgpm.Export.Commands;

/// <summary>Export-PgpmProject's parameters, as bound.</summary>
public sealed class ProjectExportRequest
{
    public Guid? DatabaseId { get; init; }
    public string? DatabaseName { get; init; }
    public required string OutputPath { get; init; }
    public string? ExtensionName { get; init; }
    public string? MetaExtensionName { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string>? Schemas { get; init; }
    public IReadOnlyList<string> ExcludeCategories { get; init; } = [];

    /// <summary>A manifest file in the built-in manifest's JSON format, for another schema version.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>The built-in schema version to follow instead of the one the source is closest to (-SchemaVersion).</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>Proceed when the source will not give a column of the schema version; each is then a warning and in the summary (-AllowMissingColumn).</summary>
    public bool AllowMissingColumn { get; init; }

    /// <summary>Stop when the source does not expose a table of the schema version, instead of warning (-FailOnHiddenTable).</summary>
    public bool FailOnHiddenTable { get; init; }

    /// <summary>How many tables are read at once.</summary>
    public int Concurrency { get; init; } = Export.ExportOptions.DefaultConcurrency;

    /// <summary>Replace an existing package without asking.</summary>
    public bool Force { get; init; }

    /// <summary>-WhatIf: show the packages, write nothing into the workspace (see <see cref="Export.ExportOptions.Preview"/>).</summary>
    public bool Preview { get; init; }

    /// <summary>The objects piped in, when the command had pipeline input; null exports everything from the source.</summary>
    public IReadOnlyList<Rows.RowInput>? PipedRows { get; init; }
}
