using System.Text;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Writing;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Renames the database's PostgreSQL schemas in generated text (spec, "Schema renaming"): each selected schema's
/// <c>schema_name</c> becomes <c>snake(prefix + "_" + name)</c>, and the placeholder <c>constructive-extension-name</c>
/// becomes the name of the package being written (<see cref="ForPackage"/>). A schema name is replaced only where it
/// is a whole identifier as PostgreSQL reads one: not preceded or followed by a character that continues an unquoted
/// identifier (ASCII letter or digit, <c>_</c>, <c>$</c>, or any character beyond ASCII, since PostgreSQL's scanner
/// takes every byte from 0x80 up as an identifier letter). Longest name first, in a single pass, so a replacement is
/// never read again. A name with a quote is also found as SQL spells it inside a quoted identifier (<c>"</c> doubled)
/// and inside a string literal (<c>'</c> doubled); the new names are plain snake case, valid in either place as they are.
/// </summary>
public sealed class SchemaRenamer
{
    /// <summary>The placeholder the established exporter replaces with the package's name in everything it writes.</summary>
    public const string PackagePlaceholder = "constructive-extension-name";

    /// <summary>PostgreSQL's longest identifier in bytes (NAMEDATALEN − 1); a longer one is silently truncated.</summary>
    public const int MaxIdentifierBytes = 63;

    private readonly Dictionary<string, string> _map;
    private readonly string? _packageName;

    /// <summary>What to look for, longest first; <c>Whole</c> says the match must be a whole identifier (schema names, not the
    /// placeholder).</summary>
    private readonly (string Text, string Replacement, bool Whole)[] _targets;

    /// <summary>The texts of <see cref="_targets"/> as UTF-8, for <see cref="Occurs(ReadOnlySpan{byte})"/>.</summary>
    private readonly byte[][] _utf8Targets;

    public SchemaRenamer(IReadOnlyDictionary<string, string> oldToNew)
        : this(oldToNew, packageName: null) { }

    private SchemaRenamer(IReadOnlyDictionary<string, string> oldToNew, string? packageName)
    {
        _map = oldToNew.Where(p => p.Key.Length > 0 && p.Key != p.Value).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        _packageName = packageName;
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, renamed) in _map)
        foreach (var spelling in new[] { old, old.Replace("\"", "\"\""), old.Replace("'", "''") })
            spellings.TryAdd(spelling, renamed);
        var targets = spellings.Select(p => (p.Key, p.Value, Whole: true)).ToList();
        if (packageName is not null)
        {
            targets.RemoveAll(t => t.Key == PackagePlaceholder);
            targets.Add((PackagePlaceholder, packageName, Whole: false));
        }
        _targets = targets.OrderByDescending(t => t.Key.Length).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
        _utf8Targets = _targets.Select(t => Encoding.UTF8.GetBytes(t.Text)).ToArray();
    }

    public static SchemaRenamer None { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Map => _map;

    /// <summary>
    /// The renamer for the selected schemas with <paramref name="prefix"/> (the database package's name). Throws
    /// <see cref="ExportException"/> <c>SchemaNameTooLong</c> (<see cref="ExportErrorKind.InvalidData"/>) when a new
    /// name is longer than <see cref="MaxIdentifierBytes"/> bytes: PostgreSQL would cut it, and two long names can be
    /// cut to the same schema; and <c>SchemaNamesCollide</c> when two schemas would get the same new name (snake case
    /// folds case and punctuation: <c>App</c> and <c>app</c>, <c>a-b</c> and <c>a_b</c>).
    /// </summary>
    public static SchemaRenamer For(string prefix, IEnumerable<SchemaInfo> selectedSchemas)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in selectedSchemas)
        {
            var renamed = SnakeCase.Convert(prefix + "_" + schema.Name);
            var bytes = Encoding.UTF8.GetByteCount(renamed);
            if (bytes > MaxIdentifierBytes)
                throw new ExportException(
                    ExportErrorKind.InvalidData,
                    ErrorId.SchemaNameTooLong,
                    $"The schema {schema.SchemaName} would be renamed to {renamed}, which is {bytes} bytes; PostgreSQL keeps at most "
                        + $"{MaxIdentifierBytes} bytes of a name and would cut it, so two schemas could become one. Nothing was written. "
                        + $"Give the database package a name at least {bytes - MaxIdentifierBytes} "
                        + $"bytes shorter than '{prefix}' ({OptionName.ExtensionName})."
                );
            if (map.FirstOrDefault(p => p.Value == renamed && p.Key != schema.SchemaName) is { Key: { } other })
                throw new ExportException(
                    ExportErrorKind.InvalidData,
                    ErrorId.SchemaNamesCollide,
                    $"The schemas {other} and {schema.SchemaName} would both be renamed to {renamed}, which would merge them into one. "
                        + $"Nothing was written. Rename one of them at the source, or leave one out of the renaming ({OptionName.Schemas})."
                );
            map[schema.SchemaName] = renamed;
        }
        return new SchemaRenamer(map);
    }

    /// <summary>The same renaming, with <see cref="PackagePlaceholder"/> replaced by <paramref name="packageName"/>.</summary>
    public SchemaRenamer ForPackage(string packageName) => new(_map, packageName);

    /// <summary>
    /// The text with the schemas renamed and the placeholder replaced. Most text (a row of a meta table) names none
    /// of them; the scan jumps from one occurrence to the next with an ordinal search per name, never char by char.
    /// </summary>
    public string Apply(string text)
    {
        if (!Occurs(text))
            return text;
        var result = new StringBuilder(text.Length + 32);
        var copied = Rename(text, result, static (sb, piece) => sb.Append(piece));
        return result.Append(text.AsSpan(copied)).ToString();
    }

    /// <summary>
    /// Writes <see cref="Apply"/>'s text into <paramref name="output"/> piece by piece, so that a large script is never
    /// copied into a renamed string first (a sql_actions body would be built twice over).
    /// </summary>
    public void WriteTo(string text, Utf8ScriptOutput output)
    {
        var copied = Rename(text, output, static (o, piece) => o.Write(piece));
        output.Write(text.AsSpan(copied));
    }

    private delegate void PieceWriter<TSink>(TSink sink, ReadOnlySpan<char> piece);

    /// <summary>
    /// Finds each replacement in <paramref name="text"/> and hands <paramref name="sink"/> the text before it and the
    /// new name, in order; returns where the rest of the text, which the caller still writes, starts (0 when nothing is replaced).
    /// </summary>
    private int Rename<TSink>(string text, TSink sink, PieceWriter<TSink> write)
    {
        if (_targets.Length == 0)
            return 0;
        Span<int> next = _targets.Length <= 32 ? stackalloc int[_targets.Length] : new int[_targets.Length];
        var any = false;
        for (var t = 0; t < _targets.Length; t++)
            any |= (next[t] = text.IndexOf(_targets[t].Text, StringComparison.Ordinal)) >= 0;
        if (!any)
            return 0;

        var copied = 0;
        var position = 0;
        while (true)
        {
            var at = -1;
            foreach (var n in next)
                if (n >= 0 && (at < 0 || n < at))
                    at = n;
            if (at < 0)
                break;

            // Targets are longest first, so the first that fits here is the one to take.
            var taken = -1;
            for (var t = 0; t < _targets.Length && taken < 0; t++)
                if (next[t] == at && (!_targets[t].Whole || IsWholeIdentifier(text, at, _targets[t].Text.Length)))
                    taken = t;
            if (taken >= 0)
            {
                write(sink, text.AsSpan(copied, at - copied));
                write(sink, _targets[taken].Replacement);
                copied = position = at + _targets[taken].Text.Length;
            }
            else
            {
                position = at + 1;
            }
            for (var t = 0; t < _targets.Length; t++)
                if (next[t] >= 0 && next[t] < position)
                    next[t] = position >= text.Length ? -1 : text.IndexOf(_targets[t].Text, position, StringComparison.Ordinal);
        }
        return copied;
    }

    /// <summary>
    /// Whether <see cref="Apply"/> might change <paramref name="text"/>: some name or the placeholder occurs in it, whole
    /// identifier or not. False means Apply returns the text as it is.
    /// </summary>
    public bool Occurs(ReadOnlySpan<char> text)
    {
        foreach (var target in _targets)
            if (text.IndexOf(target.Text, StringComparison.Ordinal) >= 0)
                return true;
        return false;
    }

    /// <summary><see cref="Occurs(ReadOnlySpan{char})"/> for text given as its UTF-8 bytes.</summary>
    public bool Occurs(ReadOnlySpan<byte> utf8)
    {
        foreach (var target in _utf8Targets)
            if (utf8.IndexOf(target) >= 0)
                return true;
        return false;
    }

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);

    private static bool IsWholeIdentifier(string text, int start, int length) =>
        (start == 0 || !ContinuesIdentifier(text[start - 1]))
        && (start + length == text.Length || !ContinuesIdentifier(text[start + length]));

    /// <summary>Whether PostgreSQL's scanner would read <paramref name="c"/> as part of an unquoted identifier next to it (scan.l:
    /// ident_cont, with every byte ≥ 0x80 a letter).</summary>
    private static bool ContinuesIdentifier(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > '\x7f';
}
