using System.Globalization;

namespace Pgpm.Export.Bench;

/// <summary>Row counts as people write them: 10k, 100k, 1M (or a plain number).</summary>
internal static class SizeLabel
{
    public static int Parse(string text)
    {
        var t = text.Trim();
        var multiplier =
            t.EndsWith('k') || t.EndsWith('K') ? 1_000
            : t.EndsWith('m') || t.EndsWith('M') ? 1_000_000
            : 1;
        var digits = multiplier == 1 ? t : t[..^1];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new ArgumentException($"'{text}' is not a row count; write it like 10k, 100k, 1M or 25000.");
        return checked(value * multiplier);
    }

    public static string Format(int rows) =>
        rows % 1_000_000 == 0 ? $"{rows / 1_000_000}M"
        : rows % 1_000 == 0 ? $"{rows / 1_000}k"
        : rows.ToString(CultureInfo.InvariantCulture);
}
