namespace Pgpm.Export.Sources;

/// <summary>Whether a source can read sql_actions; <see cref="Reason"/> says why not, and how to get them.</summary>
public sealed record SqlActionsSupport(bool Available, string? Reason)
{
    public static SqlActionsSupport Yes { get; } = new(true, null);

    public static SqlActionsSupport No(string reason) => new(false, reason);
}
