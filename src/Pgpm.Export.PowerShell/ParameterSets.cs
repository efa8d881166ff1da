namespace Pgpm.Export.PowerShell;

/// <summary>The three ways to give a source; each is its own parameter set.</summary>
internal static class ParameterSets
{
    public const string GraphQL = "GraphQL";
    public const string ConnectionString = "ConnectionString";
    public const string Source = "Source";
}
