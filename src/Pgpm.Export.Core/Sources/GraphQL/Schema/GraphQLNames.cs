using System.Text;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// Reverse inflection: how PostGraphile's names relate to table and column names. Used only to match
/// introspected names to the manifest's tables and to turn camelCase fields back into snake_case columns.
/// </summary>
public static class GraphQLNames
{
    /// <summary>Lower-case letters and digits only, so <c>allServicesPublicApis</c> and <c>all_services_public_apis</c>
    /// compare equal.</summary>
    public static string Fold(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>The plural spellings an inflector may give a table name (folded), e.g. schema → schemas, schemata.</summary>
    public static IReadOnlyCollection<string> PluralForms(string table)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { table, table + "s", table + "es" };
        if (table.EndsWith('y'))
            forms.Add(table[..^1] + "ies");
        if (table.EndsWith("ex", StringComparison.Ordinal))
            forms.Add(table[..^2] + "ices");
        if (table.EndsWith("is", StringComparison.Ordinal))
            forms.Add(table[..^2] + "es");
        if (table.EndsWith("um", StringComparison.Ordinal))
            forms.Add(table[..^2] + "a");
        if (table.EndsWith('a'))
            forms.Add(table + "ta");
        if (table.EndsWith('s'))
            forms.Add(table[..^1]);
        return forms.Select(Fold).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>camelCase back to snake_case: <c>databaseId</c> → <c>database_id</c>, <c>schemaV2</c> → <c>schema_v2</c>.</summary>
    public static string SnakeCase(string camel)
    {
        var sb = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                if (sb.Length > 0)
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
