using Pgpm.Export.Model;

namespace Pgpm.Export.Rendering;

/// <summary>Turns a canonical value into its SQL text inside an INSERT tuple.</summary>
public static class ValueRenderer
{
    public static string Render(PgValue value)
    {
        if (value.Text is null) return "NULL";
        return value.Kind switch
        {
            PgTypeKind.Boolean => value.Text,
            PgTypeKind.Integer => value.Text,
            PgTypeKind.Numeric => IsSpecialNumber(value.Text) ? SqlLiteral.Quote(value.Text) : value.Text,
            // A bare -0 is integer negation and loses the sign of a float's negative zero, so it is quoted.
            PgTypeKind.Float => IsSpecialNumber(value.Text) || value.Text == "-0" ? SqlLiteral.Quote(value.Text) : value.Text,
            _ => SqlLiteral.Quote(value.Text),
        };
    }

    private static bool IsSpecialNumber(string text) => text is "NaN" or "Infinity" or "-Infinity";
}
