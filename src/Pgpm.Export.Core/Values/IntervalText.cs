using System.Globalization;
using System.Text;

namespace Pgpm.Export.Values;

/// <summary>
/// PostgreSQL's interval output under <c>IntervalStyle = postgres</c>, built from its parts, as
/// PostgreSQL's own EncodeInterval does it: <c>1 year 2 mons -3 days +04:05:06.789</c>, <c>-00:00:01.5</c>.
/// </summary>
public static class IntervalText
{
    public static string Format(long years, long months, long days, long hours, long minutes, double seconds)
    {
        var sb = new StringBuilder();
        var isZero = true;
        var isBefore = false;
        AddPart(sb, years, "year", ref isZero, ref isBefore);
        AddPart(sb, months, "mon", ref isZero, ref isBefore);
        AddPart(sb, days, "day", ref isZero, ref isBefore);

        var micros = (long)Math.Round(seconds * 1_000_000, MidpointRounding.AwayFromZero);
        if (isZero || hours != 0 || minutes != 0 || micros != 0)
        {
            var minus = hours < 0 || minutes < 0 || micros < 0;
            if (!isZero)
                sb.Append(' ');
            sb.Append(
                minus ? "-"
                : isBefore ? "+"
                : ""
            );
            sb.Append(Math.Abs(hours).ToString("00", CultureInfo.InvariantCulture)).Append(':');
            sb.Append(Math.Abs(minutes).ToString("00", CultureInfo.InvariantCulture)).Append(':');
            var abs = Math.Abs(micros);
            sb.Append((abs / 1_000_000).ToString("00", CultureInfo.InvariantCulture));
            var fraction = abs % 1_000_000;
            if (fraction != 0)
                sb.Append('.').Append(fraction.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
        return sb.ToString();
    }

    private static void AddPart(StringBuilder sb, long value, string unit, ref bool isZero, ref bool isBefore)
    {
        if (value == 0)
            return;
        if (!isZero)
            sb.Append(' ');
        if (isBefore && value > 0)
            sb.Append('+');
        sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (value != 1)
            sb.Append('s');
        isBefore = value < 0;
        isZero = false;
    }
}
