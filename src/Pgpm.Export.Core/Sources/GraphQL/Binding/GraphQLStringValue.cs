using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>The value of a column whose shape GraphQL sends as a string: a timestamp, a time, base64 or an enum value.</summary>
internal static class GraphQLStringValue
{
    public static (PgTypeKind Kind, string Text) Read(GraphQLColumn column, string text)
    {
        switch (column.Shape)
        {
            case GraphQLValueShape.Datetime:
                return Datetime(text);
            case GraphQLValueShape.Time:
                return (PgTypeKind.Text, TimeText(text));
            case GraphQLValueShape.Base64:
                return (PgTypeKind.Bytea, "\\x" + Convert.ToHexString(Convert.FromBase64String(text)).ToLowerInvariant());
            case GraphQLValueShape.Enum:
                if (column.EnumLabels is null)
                    return (PgTypeKind.Enum, text);
                return column.EnumLabels.TryGetValue(text, out var real)
                    ? (PgTypeKind.Enum, real)
                    : throw new FormatException(
                        $"the enum value {text} of {column.Field} is none of the values the API declared "
                            + $"({string.Join(", ", column.EnumLabels.Keys)})"
                    );
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Shape, "not a shape sent as a string");
        }
    }

    private static (PgTypeKind, string) Datetime(string text)
    {
        var (postgres, withZone) = IsoTimestamp.ToPostgres(text);
        if (postgres is "infinity" or "-infinity")
            return (PgTypeKind.Timestamptz, postgres);
        return (withZone ? PgTypeKind.Timestamptz : PgTypeKind.Timestamp, TimestampText.FromPostgres(postgres, withZone));
    }

    /// <summary><c>00:00:00.000000</c> as PostgreSQL prints it: <c>00:00:00</c>; <c>12:00:00.500000</c>: <c>12:00:00.5</c>.</summary>
    private static string TimeText(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
            return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        var fraction = text[(dot + 1)..end].TrimEnd('0');
        return text[..dot] + (fraction.Length > 0 ? "." + fraction : "") + text[end..];
    }
}
