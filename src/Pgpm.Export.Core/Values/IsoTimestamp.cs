using System.Globalization;
using System.Text;

namespace Pgpm.Export.Values;

/// <summary>
/// A timestamp as a GraphQL server prints it (<c>2024-02-29T13:29:59.123456-05:00</c>, <c>12345-06-07T04:09:10.5-04:00</c>,
/// v4's <c>0044-03-15T07:03:58-04:56:02 BC</c>), turned into PostgreSQL's own text with TimeZone UTC
/// (<c>2024-02-29 18:29:59.123456+00</c>), the form the SQL source reads. Any year PostgreSQL allows (4713 BC to
/// 294276 AD) and offsets with seconds are handled with calendar arithmetic on the proleptic Gregorian calendar, as
/// PostgreSQL does, because <see cref="DateTime"/> stops at year 9999 and has no BC.
/// </summary>
public static class IsoTimestamp
{
    /// <summary>PostgreSQL's text of the value: UTC with <c>+00</c> when it has an offset, as written when it has none.</summary>
    /// <returns>The text, and whether it had an offset (timestamptz) or not (timestamp).</returns>
    /// <exception cref="FormatException">The text is not an ISO 8601 date and time.</exception>
    public static (string Text, bool WithZone) ToPostgres(string text)
    {
        if (text is "infinity" or "-infinity")
            return (text, false);
        var bc = text.EndsWith(" BC", StringComparison.Ordinal);
        if (bc)
            text = text[..^3];
        var t = text.IndexOf('T') is var at and >= 0 ? at : text.IndexOf(' ');
        if (t < 0)
            throw new FormatException($"'{text}' is not an ISO 8601 date and time.");
        var dateParts = text[..t].Split('-');
        if (dateParts.Length != 3)
            throw new FormatException($"'{text}' is not an ISO 8601 date.");
        long year = Number(dateParts[0]),
            month = Number(dateParts[1]),
            day = Number(dateParts[2]);
        var rest = text[(t + 1)..];
        var zoneAt = rest.EndsWith('Z') ? rest.Length - 1 : rest.IndexOfAny(['+', '-']);
        var clock = zoneAt < 0 ? rest : rest[..zoneAt];
        var timeParts = clock.Split(':');
        if (timeParts.Length != 3)
            throw new FormatException($"'{text}' has no HH:MM:SS time.");
        var dot = timeParts[2].IndexOf('.');
        var fraction = dot < 0 ? "" : timeParts[2][(dot + 1)..];
        if (fraction.Length > 6 || !fraction.All(char.IsAsciiDigit))
            throw new FormatException($"'{text}' has a fraction beyond microseconds.");
        long seconds = Number(dot < 0 ? timeParts[2] : timeParts[2][..dot]);
        var micros = fraction.Length == 0 ? 0 : Number(fraction.PadRight(6, '0'));
        var (hour, minute) = (Number(timeParts[0]), Number(timeParts[1]));
        if (
            month is < 1 or > 12
            || day is < 1 or > 31
            || hour > 24
            || minute > 59
            || seconds > 60
            || hour == 24 && (minute > 0 || seconds > 0 || micros > 0)
        )
            throw new FormatException($"'{text}' is out of range for a date and time.");
        // Astronomical numbering: 1 BC is year 0, 2 BC is year -1.
        var astronomicalYear = bc ? 1 - year : year;
        var total = ((DaysFromCivil(astronomicalYear, month, day) * 24 + hour) * 60 + minute) * 60 + seconds;
        if (zoneAt < 0)
            return (Format(total, micros, withZone: false), false);
        if (!rest.EndsWith('Z'))
            total -= OffsetSeconds(rest[zoneAt..]);
        return (Format(total, micros, withZone: true), true);
    }

    private static long OffsetSeconds(string offset)
    {
        var sign = offset[0] == '-' ? -1 : 1;
        var parts = offset[1..].Split(':').Select(Number).ToArray();
        if (parts.Length is < 1 or > 3)
            throw new FormatException($"'{offset}' is not a UTC offset.");
        return sign * (parts[0] * 3600 + (parts.Length > 1 ? parts[1] * 60 : 0) + (parts.Length > 2 ? parts[2] : 0));
    }

    private static string Format(long totalSeconds, long micros, bool withZone)
    {
        var days = Math.DivRem(totalSeconds, 86400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86400;
            days--;
        }
        var (year, month, day) = CivilFromDays(days);
        var sb = new StringBuilder();
        sb.Append((year <= 0 ? 1 - year : year).ToString("0000", CultureInfo.InvariantCulture))
            .Append('-')
            .Append(month.ToString("00", CultureInfo.InvariantCulture))
            .Append('-')
            .Append(day.ToString("00", CultureInfo.InvariantCulture))
            .Append(' ')
            .Append((secondOfDay / 3600).ToString("00", CultureInfo.InvariantCulture))
            .Append(':')
            .Append((secondOfDay / 60 % 60).ToString("00", CultureInfo.InvariantCulture))
            .Append(':')
            .Append((secondOfDay % 60).ToString("00", CultureInfo.InvariantCulture));
        // PostgreSQL prints the fraction without trailing zeros, and none when it is zero.
        if (micros != 0)
            sb.Append('.').Append(micros.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        if (withZone)
            sb.Append("+00");
        if (year <= 0)
            sb.Append(" BC");
        return sb.ToString();
    }

    private static long Number(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{digits}' is not a number.");

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
    private static long DaysFromCivil(long y, long m, long d)
    {
        y -= m <= 2 ? 1 : 0;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static (long Year, long Month, long Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var y = yoe + era * 400;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var d = doy - (153 * mp + 2) / 5 + 1;
        var m = mp < 10 ? mp + 3 : mp - 9;
        return (m <= 2 ? y + 1 : y, m, d);
    }
}
