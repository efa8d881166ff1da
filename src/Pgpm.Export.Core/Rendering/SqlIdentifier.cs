using System.Text.RegularExpressions;

namespace Pgpm.Export.Rendering;

/// <summary>
/// Identifier quoting as the spec states it (the upstream deparser's rules, for byte parity):
/// column names and schema names stay bare when they match <c>^[a-z_][a-z0-9_$]*$</c> and are not a
/// keyword other than an unreserved one; a table name after the dot is quoted only when it does not
/// match the pattern.
/// </summary>
public static partial class SqlIdentifier
{
    [GeneratedRegex("^[a-z_][a-z0-9_$]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    public static string Column(string name) =>
        PlainName().IsMatch(name) && PgKeywords.CategoryOf(name) is null or PgKeywords.Unreserved ? name : Quoted(name);

    public static string Schema(string name) => Column(name);

    public static string TableAfterDot(string name) => PlainName().IsMatch(name) ? name : Quoted(name);

    /// <summary><c>schema.table</c> with each part quoted by its own rule.</summary>
    public static string Qualified(string schema, string table) => Schema(schema) + "." + TableAfterDot(table);

    /// <summary>Always double-quoted, <c>"</c> doubled.</summary>
    public static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
