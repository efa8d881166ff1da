namespace Pgpm.Export.Cli;

internal static class CommaList
{
    /// <summary>Values given as <c>a,b</c>, as repeated options, or both; blanks dropped.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string>? values) =>
        values is null
            ? []
            : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
