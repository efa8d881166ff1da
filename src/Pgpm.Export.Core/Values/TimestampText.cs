using System.Globalization;

namespace Pgpm.Export.Values;

/// <summary>
/// Timestamps in the export's form: ISO 8601 with <c>T</c>, three fraction digits when the value
/// fits milliseconds and six otherwise, <c>Z</c> for timestamptz; <c>infinity</c>/<c>-infinity</c> as such.
/// </summary>
public static class TimestampText
{
    /// <summary>From PostgreSQL's ISO output (<c>2024-02-29 18:29:59.1234+00</c> with TimeZone UTC, or without offset for
    /// timestamp).</summary>
    public static string FromPostgres(string text, bool withZone)
    {
        if (text is "infinity" or "-infinity")
            return text;
        var era = "";
        if (text.EndsWith(" BC", StringComparison.Ordinal))
        {
            era = " BC";
            text = text[..^3];
        }
        var space = text.IndexOf(' ');
        if (space < 0)
            throw new FormatException($"'{text}' is not a PostgreSQL timestamp.");
        var date = text[..space];
        var time = text[(space + 1)..];
        if (withZone)
        {
            var offsetAt = time.IndexOfAny(['+', '-']);
            if (offsetAt < 0)
                throw new FormatException($"'{text}' has no UTC offset; the session time zone must be UTC.");
            var offset = time[offsetAt..];
            if (offset is not ("+00" or "+00:00" or "-00"))
                throw new FormatException($"'{text}' is not in UTC; the session time zone must be UTC.");
            time = time[..offsetAt];
        }
        var dot = time.IndexOf('.');
        var whole = dot < 0 ? time : time[..dot];
        var fraction = dot < 0 ? "" : time[(dot + 1)..];
        return date + "T" + whole + "." + Fraction(fraction) + (withZone ? "Z" : "") + era;
    }

    /// <summary>From a point in time (GraphQL's offset timestamps, once parsed).</summary>
    public static string FromDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var micros = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + "."
            + Fraction(micros.ToString("D6", CultureInfo.InvariantCulture))
            + "Z";
    }

    private static string Fraction(string digits)
    {
        var six = digits.PadRight(6, '0');
        return six.EndsWith("000", StringComparison.Ordinal) ? six[..3] : six;
    }
}
