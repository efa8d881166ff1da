using System.Text;
using Pgpm.Export.Model;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// Forward inflection: the names a PostGraphile server gives a table, a column and an enum label under each naming
/// (graphile-build-pg 5.x PgAllRowsPlugin <c>_allRows</c>, PgTablesPlugin <c>_schemaPrefix</c>, PgAttributesPlugin
/// <c>_attributeName</c>; graphile-build-pg 4.x <c>allRows</c>, <c>enumName</c>; Constructive's inflection). Plurals are
/// guessed in several spellings (PostGraphile uses the npm <c>pluralize</c> rules), so callers probe the candidates in order.
/// </summary>
public static class PostGraphileNamingRules
{
    public static string Describe(PostGraphileNaming naming) =>
        naming switch
        {
            PostGraphileNaming.V5 => "PostGraphile v5 default",
            PostGraphileNaming.Constructive => "Constructive",
            _ => "PostGraphile v4",
        };

    /// <summary>The connection field names a table may have, most likely first (<c>schema</c> → <c>allSchemata</c>,
    /// <c>allSchemas</c>).</summary>
    public static IReadOnlyList<string> ConnectionCandidates(TableRef table, PostGraphileNaming naming)
    {
        var names = new List<string>();
        foreach (var plural in Plurals(table.Name))
        {
            switch (naming)
            {
                case PostGraphileNaming.V5:
                    // A table outside the first exposed schema is prefixed with its schema; which schema is first is not known.
                    names.Add(CamelCase("all_" + table.Schema + "_" + plural));
                    names.Add(CamelCase("all_" + plural));
                    break;
                case PostGraphileNaming.V4:
                    names.Add(CamelCase("all_" + plural));
                    break;
                default:
                    names.Add(CamelCase(plural));
                    break;
            }
        }
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The field of a column: camelCase, and <c>id</c> as <c>rowId</c> on PostGraphile v5's default (its
    /// <c>id</c> is the Relay node id).</summary>
    public static string ColumnField(string column, PostGraphileNaming naming) =>
        naming == PostGraphileNaming.V5 && column.Equals("id", StringComparison.OrdinalIgnoreCase) ? "rowId" : CamelCase(column);

    /// <summary>How the API spells an enum label: as it is on v5's default, CONSTANT_CASE on v4 and Constructive
    /// (<c>inReview</c> → <c>IN_REVIEW</c>).</summary>
    public static string EnumValue(string label, PostGraphileNaming naming) =>
        naming == PostGraphileNaming.V5 ? label : ConstantCase(label);

    /// <summary>The orderBy values that sort by the primary key, most likely first.</summary>
    public static IReadOnlyList<string> PrimaryKeyOrders(PostGraphileNaming naming) =>
        naming == PostGraphileNaming.Constructive
            ? ["ID_ASC", "PRIMARY_KEY_ASC", "ROW_ID_ASC"]
            : ["PRIMARY_KEY_ASC", "ID_ASC", "ROW_ID_ASC"];

    /// <summary>
    /// Plural spellings of a table name, most likely first. PostGraphile singularizes the name and pluralizes it again,
    /// so a name already plural (<c>apis</c>, <c>site_metadata</c>) usually stays as it is.
    /// </summary>
    public static IReadOnlyList<string> Plurals(string table)
    {
        var forms = new List<string>();
        if (table.EndsWith("schema", StringComparison.Ordinal))
            forms.Add(table + "ta");
        if (table.EndsWith("ex", StringComparison.Ordinal))
            forms.Add(table[..^2] + "ices");
        if (table.EndsWith("um", StringComparison.Ordinal))
            forms.Add(table[..^2] + "a");
        if (table.EndsWith('y') && !"aeiou".Contains(table.Length > 1 ? table[^2] : 'a'))
            forms.Add(table[..^1] + "ies");
        if (table.EndsWith("data", StringComparison.Ordinal) || (table.EndsWith('s') && !table.EndsWith("ss", StringComparison.Ordinal)))
            forms.Add(table);
        if (
            table.EndsWith("ss", StringComparison.Ordinal)
            || table.EndsWith('x')
            || table.EndsWith("ch", StringComparison.Ordinal)
            || table.EndsWith("sh", StringComparison.Ordinal)
        )
            forms.Add(table + "es");
        forms.Add(table + "s");
        forms.Add(table);
        if (table.EndsWith("is", StringComparison.Ordinal))
            forms.Add(table[..^2] + "es");
        forms.Add(table + "es");
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>graphile-build's camelCase: words split at <c>_</c>, <c>-</c> and lower-to-upper steps, the first
    /// lower-cased, the rest capitalised; leading underscores kept.</summary>
    public static string CamelCase(string name)
    {
        var leading = name.Length - name.TrimStart('_').Length;
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = leading; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ')
            {
                Flush();
                continue;
            }
            if (char.IsUpper(c) && word.Length > 0 && (char.IsLower(word[^1]) || char.IsDigit(word[^1])))
                Flush();
            word.Append(c);
        }
        Flush();
        var sb = new StringBuilder(new string('_', leading));
        for (var i = 0; i < words.Count; i++)
        {
            var lower = words[i].ToLowerInvariant();
            sb.Append(i == 0 ? lower : char.ToUpperInvariant(lower[0]) + lower[1..]);
        }
        return sb.ToString();

        void Flush()
        {
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>graphile-build's constantCase: <c>inReview</c> → <c>IN_REVIEW</c>, <c>Published</c> → <c>PUBLISHED</c>,
    /// an empty label → <c>_EMPTY_</c>.</summary>
    public static string ConstantCase(string label)
    {
        if (label.Length == 0)
            return "_EMPTY_";
        var sb = new StringBuilder();
        // constantCaseAll: other characters become _, each run of capitals starts a word, runs of _ collapse.
        for (var i = 0; i < label.Length; i++)
        {
            var c = label[i];
            if (char.IsAsciiLetterUpper(c) && (i == 0 || !char.IsAsciiLetterUpper(label[i - 1])))
                sb.Append('_');
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        var text = System.Text.RegularExpressions.Regex.Replace(sb.ToString(), "__+", "_").TrimStart('_');
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
            text = "_" + text;
        return text.ToUpperInvariant();
    }
}
