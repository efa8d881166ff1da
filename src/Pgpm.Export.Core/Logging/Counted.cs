namespace Pgpm.Export.Logging;

/// <summary>A count with its noun in the right number for messages: "1 row", "2 rows", "0 rows".</summary>
public static class Counted
{
    /// <summary><paramref name="count"/> and <paramref name="noun"/>, with an s unless the count is exactly one (every noun used takes a
    /// plain s).</summary>
    public static string Of(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
