using System.Text.RegularExpressions;

namespace Pgpm.Export.Manifest;

/// <summary>
/// Recognises the timestamptz defaults the target database supplies itself: <c>now()</c>,
/// <c>CURRENT_TIMESTAMP</c>, <c>CURRENT_TIMESTAMP(n)</c>, <c>clock_timestamp()</c>, optionally plus an interval
/// literal, as <c>pg_get_expr</c> prints them.
/// </summary>
public static partial class NowDefault
{
    [GeneratedRegex(
        @"^\(?(?:now\(\)|CURRENT_TIMESTAMP(?:\(\d+\))?|clock_timestamp\(\))(?: \+ '[^']*'::interval)?\)?$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();

    public static bool Matches(string? defaultExpression) => defaultExpression is not null && Pattern().IsMatch(defaultExpression);
}
