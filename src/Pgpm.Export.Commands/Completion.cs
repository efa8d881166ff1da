using Pgpm.Export.Manifest;

namespace Pgpm.Export.Commands;

/// <summary>What tab completion offers: meta table names for -Name, a source's database names for -Database.</summary>
public static class Completion
{
    /// <summary>The manifest's table names starting with <paramref name="word"/>; full names once the word has a dot.</summary>
    public static IReadOnlyList<string> TableNames(string? word)
    {
        word ??= "";
        var qualified = word.Contains('.');
        return ExportManifest.BuiltInVersions.SelectMany(m => m.Tables)
            .Select(t => qualified ? t.Table.ToString() : t.Table.Name)
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The source's database names starting with <paramref name="word"/>.</summary>
    public static async Task<IReadOnlyList<string>> DatabaseNamesAsync(PgpmExportSource source, string? word, CancellationToken cancellationToken)
    {
        var all = await source.Inner.ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        return all.Select(d => d.Name)
            .Where(n => n.StartsWith(word ?? "", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
