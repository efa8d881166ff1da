namespace Pgpm.Export.Writing;

/// <summary>One line of pgpm.plan: a change, its dependencies as given, and its note.</summary>
public sealed record PlanChange(string Name, IReadOnlyList<string> Dependencies, string Note);
