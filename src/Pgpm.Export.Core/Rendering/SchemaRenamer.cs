using System.Text.RegularExpressions;
using Pgpm.Export.Model;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Renames the database's PostgreSQL schemas in generated text: each selected schema's
/// <c>schema_name</c> becomes <c>snake(prefix + "_" + name)</c>. Whole identifiers only (not next to
/// <c>[A-Za-z0-9_$]</c>), longest name first, in a single pass so a replacement is never replaced again.
/// A name with a quote is also found as SQL spells it inside a quoted identifier (<c>"</c> doubled) and inside
/// a string literal (<c>'</c> doubled); the new names are plain snake case, valid in either place as they are.
/// </summary>
public sealed class SchemaRenamer
{
    private readonly Regex? _pattern;
    private readonly Dictionary<string, string> _map;
    private readonly Dictionary<string, string> _spellings;
    private readonly string[] _names = [];

    public SchemaRenamer(IReadOnlyDictionary<string, string> oldToNew)
    {
        _map = oldToNew.Where(p => p.Key.Length > 0 && p.Key != p.Value).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, renamed) in _map)
            foreach (var spelling in new[] { old, old.Replace("\"", "\"\""), old.Replace("'", "''") })
                _spellings.TryAdd(spelling, renamed);
        if (_map.Count == 0) return;
        var alternatives = _spellings.Keys
            .OrderByDescending(k => k.Length)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Select(Regex.Escape);
        _pattern = new Regex(
            "(?<![A-Za-z0-9_$])(?:" + string.Join("|", alternatives) + ")(?![A-Za-z0-9_$])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _names = _spellings.Keys.ToArray();
    }

    public static SchemaRenamer None { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Map => _map;

    public static SchemaRenamer For(string prefix, IEnumerable<SchemaInfo> selectedSchemas)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in selectedSchemas)
            map[schema.SchemaName] = SnakeCase.Convert(prefix + "_" + schema.Name);
        return new SchemaRenamer(map);
    }

    /// <summary>
    /// The text with the schemas renamed. Most text (a row of a meta table) names none of them, so a plain
    /// search for each name comes first and the pattern runs only where one occurs.
    /// </summary>
    public string Apply(string text) => _pattern is null || !MentionsAny(text) ? text : _pattern.Replace(text, m => _spellings[m.Value]);

    private bool MentionsAny(string text)
    {
        foreach (var name in _names)
            if (text.Contains(name, StringComparison.Ordinal)) return true;
        return false;
    }

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);
}
