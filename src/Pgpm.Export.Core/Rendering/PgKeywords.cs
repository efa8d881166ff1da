using System.Reflection;

namespace Pgpm.Export.Rendering;

/// <summary>PostgreSQL 15's keywords and their categories, as <c>pg_get_keywords()</c> lists them.</summary>
public static class PgKeywords
{
    public const char Unreserved = 'U';
    public const char ColumnName = 'C';
    public const char TypeFunctionName = 'T';
    public const char Reserved = 'R';

    private static readonly Lazy<IReadOnlyDictionary<string, char>> Table = new(Load);

    public static IReadOnlyDictionary<string, char> All => Table.Value;

    /// <summary>The keyword category of <paramref name="word"/>, or null when it is not a keyword.</summary>
    public static char? CategoryOf(string word) => Table.Value.TryGetValue(word, out var c) ? c : null;

    private static IReadOnlyDictionary<string, char> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pgpm.Export.Resources.pg15-keywords.txt")
            ?? throw new InvalidOperationException("The embedded PostgreSQL keyword list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, char>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split(' ');
            table[parts[0]] = parts[1][0];
        }
        return table;
    }
}
