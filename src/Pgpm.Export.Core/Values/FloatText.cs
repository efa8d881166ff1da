using System.Globalization;
using System.Text;

namespace Pgpm.Export.Values;

/// <summary>
/// A double's shortest digits laid out as PostgreSQL's float8 output does: fixed notation when the decimal
/// exponent is from -4 to 14, otherwise <c>d.ddde+XX</c> (at least two exponent digits). JavaScript switches to
/// exponents only at 21, so a GraphQL server prints 9007199254740992 where PostgreSQL prints 9.007199254740992e+15.
/// </summary>
public static class FloatText
{
    /// <param name="number">A JSON number (already the shortest round-trip digits, as JavaScript prints them).</param>
    public static string FromJsonNumber(string number)
    {
        var negative = number.StartsWith('-');
        var body = negative ? number[1..] : number;
        var e = body.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? body : body[..e];
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent; // digits[..pointAt] is the integer part

        var firstSignificant = 0;
        while (firstSignificant < digits.Length && digits[firstSignificant] == '0')
            firstSignificant++;
        if (firstSignificant == digits.Length)
            return "0";
        digits = digits[firstSignificant..].TrimEnd('0');
        pointAt -= firstSignificant;
        var decimalExponent = pointAt - 1;

        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (decimalExponent is >= -4 and < 15)
        {
            if (pointAt <= 0)
                sb.Append("0.").Append('0', -pointAt).Append(digits);
            else if (pointAt >= digits.Length)
                sb.Append(digits).Append('0', pointAt - digits.Length);
            else
                sb.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
            return sb.ToString();
        }
        sb.Append(digits[0]);
        if (digits.Length > 1)
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e')
            .Append(decimalExponent < 0 ? '-' : '+')
            .Append(Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
