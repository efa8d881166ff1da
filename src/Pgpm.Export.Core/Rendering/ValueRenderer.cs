using System.Text;
using Pgpm.Export.Model;

namespace Pgpm.Export.Rendering;

/// <summary>Turns a canonical value into its SQL text inside an INSERT tuple.</summary>
public static class ValueRenderer
{
    public static string Render(PgValue value) => Append(new StringBuilder(), value).ToString();

    /// <summary>Appends <see cref="Render"/>'s text to <paramref name="sb"/> without making it a string first.</summary>
    public static StringBuilder Append(StringBuilder sb, PgValue value)
    {
        var text = value.Text;
        if (text is null) return sb.Append("NULL");
        return value.Kind switch
        {
            PgTypeKind.Boolean => sb.Append(text),
            PgTypeKind.Integer => sb.Append(text),
            PgTypeKind.Numeric => IsSpecialNumber(text) ? SqlLiteral.AppendQuoted(sb, text) : sb.Append(text),
            // A bare -0 is integer negation and loses the sign of a float's negative zero, so it is quoted.
            PgTypeKind.Float => IsSpecialNumber(text) || text == "-0" ? SqlLiteral.AppendQuoted(sb, text) : sb.Append(text),
            _ => SqlLiteral.AppendQuoted(sb, text),
        };
    }

    private static bool IsSpecialNumber(string text) => text is "NaN" or "Infinity" or "-Infinity";
}
