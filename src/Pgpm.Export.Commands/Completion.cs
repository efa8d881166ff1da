using Pgpm.Export.Manifest;
using Pgpm.Export.Model;

namespace Pgpm.Export.Commands;

/// <summary>What tab completion offers: meta table names for -Name; a source's databases, a database's schema names and sql_actions
/// categories.</summary>
public static class Completion
{
    /// <summary>
    /// The manifest's table names starting with <paramref name="word"/> (ignoring case): bare names, and the full
    /// <c>schema.table</c> names once the word has a dot or is the start of a schema name (<c>services</c>).
    /// </summary>
    public static IReadOnlyList<string> TableNames(string? word)
    {
        word ??= "";
        var tables = ExportManifest.BuiltInVersions.SelectMany(m => m.Tables).Select(t => t.Table).ToList();
        var bare = word.Contains('.') ? [] : tables.Select(t => t.Name);
        var qualified = word.Length == 0 ? [] : tables.Select(t => t.ToString());
        return bare.Concat(qualified)
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The built-in schema versions (<c>0.15.5</c>, <c>0.16</c>) starting with <paramref name="word"/>, for
    /// -SchemaVersion.</summary>
    public static IReadOnlyList<string> SchemaVersions(string? word) =>
        ExportManifest.BuiltInVersions.Select(m => m.Version!).Where(v => StartsWith(v, word)).ToList();

    /// <summary>The source's databases whose name or id starts with <paramref name="word"/> (ignoring case), by name.</summary>
    public static async Task<IReadOnlyList<DatabaseInfo>> DatabasesAsync(
        PgpmExportSource source,
        string? word,
        CancellationToken cancellationToken
    )
    {
        var all = await source.Inner.ListDatabasesAsync(cancellationToken).ConfigureAwait(false);
        return all.Where(d => StartsWith(d.Name, word) || StartsWith(d.Id.ToString(), word))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The database's schema names (metaschema_public.schema.name, what -Schema takes) starting with <paramref
    /// name="word"/>.</summary>
    public static async Task<IReadOnlyList<string>> SchemaNamesAsync(
        PgpmExportSource source,
        Guid databaseId,
        string? word,
        CancellationToken cancellationToken
    ) => Matching((await source.Inner.GetSchemasAsync(databaseId, cancellationToken).ConfigureAwait(false)).Select(s => s.Name), word);

    /// <summary>The categories of the database's db_migrate.sql_actions starting with <paramref name="word"/>; none when the source cannot
    /// give them.</summary>
    public static async Task<IReadOnlyList<string>> SqlActionCategoriesAsync(
        PgpmExportSource source,
        Guid databaseId,
        string? word,
        CancellationToken cancellationToken
    )
    {
        if (!(await source.Inner.GetSqlActionsSupportAsync(cancellationToken).ConfigureAwait(false)).Available)
            return [];
        return Matching(await source.Inner.GetSqlActionCategoriesAsync(databaseId, cancellationToken).ConfigureAwait(false) ?? [], word);
    }

    private static IReadOnlyList<string> Matching(IEnumerable<string> names, string? word) =>
        names.Where(n => StartsWith(n, word)).Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool StartsWith(string name, string? word) => name.StartsWith(word ?? "", StringComparison.OrdinalIgnoreCase);
}
