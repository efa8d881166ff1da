namespace Pgpm.Export.Rendering;

/// <summary>String literals: <c>'…'</c> with <c>'</c> doubled; with a backslash, <c>E'…'</c> with backslashes doubled too.</summary>
public static class SqlLiteral
{
    public static string Quote(string value)
    {
        var escaped = value.Replace("'", "''");
        if (value.Contains('\\'))
            return "E'" + escaped.Replace("\\", "\\\\") + "'";
        return "'" + escaped + "'";
    }
}
