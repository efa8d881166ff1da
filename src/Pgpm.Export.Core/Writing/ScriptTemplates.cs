namespace Pgpm.Export.Writing;

/// <summary>The deploy, revert and verify file templates of the spec.</summary>
public static class ScriptTemplates
{
    /// <summary>Everything of a deploy file before its body.</summary>
    public static string DeployPrefix(string change, IEnumerable<string> dependencies) =>
        "-- Deploy: " + change + "\n-- made with <3 @ constructive.io\n\n" + RequiresLines(dependencies) + "\n\n\n";

    public const string DeploySuffix = "\n\n";

    public static string Deploy(string change, IEnumerable<string> dependencies, string? body) =>
        DeployPrefix(change, dependencies) + (body ?? "") + DeploySuffix;

    public static string Revert(string change, string? body) => RevertPrefix(change) + (body ?? "") + Suffix;

    public static string Verify(string change, string? body) => VerifyPrefix(change) + (body ?? "") + Suffix;

    /// <summary>Everything of a revert file before its body.</summary>
    public static string RevertPrefix(string change) => "-- Revert: " + change + "\n\n\n";

    /// <summary>Everything of a verify file before its body.</summary>
    public static string VerifyPrefix(string change) => "-- Verify: " + change + "\n\n\n";

    /// <summary>What ends a revert or verify file after its body.</summary>
    public const string Suffix = "\n\n\n";

    /// <summary>One <c>-- requires:</c> line per dependency, sorted by length and then ordinally.</summary>
    public static string RequiresLines(IEnumerable<string> dependencies) =>
        string.Join(
            "\n",
            dependencies
                .Distinct(StringComparer.Ordinal)
                .OrderBy(d => d.Length)
                .ThenBy(d => d, StringComparer.Ordinal)
                .Select(d => "-- requires: " + d)
        );
}
