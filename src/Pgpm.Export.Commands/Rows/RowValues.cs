using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// Column values between the export's canonical text and what a PowerShell user works with. Only the
/// conversions that go back exactly are made: booleans, integers, uuids and one-dimensional arrays get
/// their .NET types; everything else (numeric, timestamps, intervals, JSON, bytea) stays the canonical
/// text, so a row piped back into Export-PgpmProject writes the same bytes.
/// </summary>
public static partial class RowValues
{
    public static object? ToObject(PgValue value)
    {
        if (value.Text is not { } text)
            return null;
        return value.Kind switch
        {
            PgTypeKind.Boolean => text == "true",
            PgTypeKind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) =>
                number,
            PgTypeKind.Uuid when Guid.TryParse(text, out var guid) => guid,
            PgTypeKind.Array => ArrayLiteral.TryParseOneDimensional(text)?.ToArray() ?? (object)text,
            _ => text,
        };
    }

    /// <summary>The canonical value of <paramref name="value"/> for <paramref name="column"/>, or a problem to report.</summary>
    public static (PgValue Value, string? Problem) FromObject(ColumnInfo column, object? value)
    {
        if (value is null or DBNull)
            return (PgValue.Null(column.Kind), null);
        var kind = column.Kind;
        if (value is "" && CannotBeEmpty(kind))
            return (
                default,
                $"the column {column.Name} ({column.TypeName}) has the empty text '', which no {column.TypeName} value is. "
                    + "A CSV file writes NULL as an empty field, so rows read back with Import-Csv cannot be exported; "
                    + "keep rows with Export-Clixml or ConvertTo-Json instead"
            );
        var text = kind switch
        {
            PgTypeKind.Boolean => Boolean(value),
            PgTypeKind.Integer => Integer(value),
            PgTypeKind.Uuid => Uuid(value),
            PgTypeKind.Array => Array(value),
            PgTypeKind.Json or PgTypeKind.Jsonb => Json(value, kind),
            PgTypeKind.Numeric or PgTypeKind.Float => Number(value),
            _ => Text(value),
        };
        return text is null
            ? (default, $"the column {column.Name} ({column.TypeName}) cannot take {Describe(value)}")
            : (new PgValue(kind, text), null);
    }

    private static string? Boolean(object value) =>
        value switch
        {
            bool b => b ? "true" : "false",
            string s when s.Trim().ToLowerInvariant() is "true" or "t" => "true",
            string s when s.Trim().ToLowerInvariant() is "false" or "f" => "false",
            _ => null,
        };

    private static string? Integer(object value) =>
        value switch
        {
            sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger => Convert.ToString(
                value,
                CultureInfo.InvariantCulture
            ),
            string s when BigInteger.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) =>
                n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

    /// <summary>
    /// Kinds whose input function refuses '' (numeric_in, float8in, interval_in, the date/time types, enum_in), so an empty
    /// text there can only be a NULL that a text format such as CSV could not keep; text, bytea and arrays take ''.
    /// </summary>
    private static bool CannotBeEmpty(PgTypeKind kind) =>
        kind
            is PgTypeKind.Numeric
                or PgTypeKind.Float
                or PgTypeKind.Interval
                or PgTypeKind.Timestamptz
                or PgTypeKind.Timestamp
                or PgTypeKind.Date
                or PgTypeKind.Enum;

    /// <summary>A number as numeric_in / float8in take it: digits with an optional sign, point and exponent, or NaN and Infinity.</summary>
    private static string? Number(object value)
    {
        if (Text(value) is not { } text)
            return null;
        if (text is "NaN" or "Infinity" or "-Infinity")
            return text;
        return NumberSyntax().IsMatch(text) ? text : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant
    )]
    private static partial System.Text.RegularExpressions.Regex NumberSyntax();

    private static string? Uuid(object value) =>
        value switch
        {
            Guid g => g.ToString("D"),
            string s when Guid.TryParse(s, out var g) => g.ToString("D"),
            _ => null,
        };

    private static string? Array(object value)
    {
        if (value is string literal)
        {
            if (ArrayLiteral.TryParseOneDimensional(literal) is { } parsed)
                return ArrayLiteral.Format(parsed);
            // Nested arrays and explicit bounds ([0:1]={a,b}) pass through as the text they are.
            return (literal.StartsWith('{') || literal.StartsWith('[')) && literal.EndsWith('}') ? literal : null;
        }
        if (value is not System.Collections.IEnumerable items)
            return null;
        var elements = new List<object?>();
        foreach (var item in items)
        {
            var element = item is null ? null : Text(item) ?? Boolean(item) ?? Uuid(item);
            if (item is not null && element is null)
                return null;
            elements.Add(element);
        }
        return ArrayLiteral.Format(elements);
    }

    private static string? Json(object value, PgTypeKind kind)
    {
        if (value is not string json)
            return null;
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
        return kind == PgTypeKind.Jsonb ? JsonCompactor.Compact(json) : json;
    }

    private static string? Text(object value) =>
        value switch
        {
            string s => s,
            char c => c.ToString(),
            Guid g => g.ToString("D"),
            sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger or decimal => Convert.ToString(
                value,
                CultureInfo.InvariantCulture
            ),
            _ => null,
        };

    private static string Describe(object value) =>
        value switch
        {
            string s => $"the text '{(s.Length > 40 ? s[..40] + "…" : s)}'",
            _ => $"a {value.GetType().Name}",
        };
}
