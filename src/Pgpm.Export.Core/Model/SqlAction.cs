namespace Pgpm.Export.Model;

/// <summary>A row of <c>db_migrate.sql_actions</c>: one change of the database package.</summary>
public sealed record SqlAction(
    long Id,
    string? Name,
    string? Deploy,
    IReadOnlyList<string> Deps,
    string? Content,
    string? Revert,
    string? Verify,
    string? Category
);
