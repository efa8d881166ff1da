using System.Text;

namespace Pgpm.Export.Rendering;

/// <summary>
/// The spec's snake: lower-case, every run of characters other than ASCII letters and digits
/// becomes one <c>_</c>, and a <c>_</c> goes between a letter and a following digit.
/// </summary>
public static class SnakeCase
{
    public static string Convert(string value)
    {
        var sb = new StringBuilder(value.Length + 4);
        var inSeparatorRun = false;
        foreach (var raw in value)
        {
            var c = char.ToLowerInvariant(raw);
            var isLetter = c is >= 'a' and <= 'z';
            var isDigit = c is >= '0' and <= '9';
            if (!isLetter && !isDigit)
            {
                if (!inSeparatorRun)
                    sb.Append('_');
                inSeparatorRun = true;
                continue;
            }
            if (isDigit && sb.Length > 0 && sb[^1] is >= 'a' and <= 'z')
                sb.Append('_');
            sb.Append(c);
            inSeparatorRun = false;
        }
        return sb.ToString();
    }
}
