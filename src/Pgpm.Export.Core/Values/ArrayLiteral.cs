using System.Text;

namespace Pgpm.Export.Values;

/// <summary>PostgreSQL's array literal for a (possibly nested) list of element texts, quoting as array_out does.</summary>
public static class ArrayLiteral
{
    /// <param name="elements">Element texts (null for NULL) or nested lists for more dimensions.</param>
    public static string Format(IEnumerable<object?> elements)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var element in elements)
        {
            if (!first) sb.Append(',');
            first = false;
            switch (element)
            {
                case null:
                    sb.Append("NULL");
                    break;
                case string text:
                    AppendElement(sb, text);
                    break;
                case IEnumerable<object?> nested:
                    sb.Append(Format(nested));
                    break;
                default:
                    throw new ArgumentException($"An array element must be text, null or a nested list, not {element.GetType().Name}.", nameof(elements));
            }
        }
        return sb.Append('}').ToString();
    }

    private static void AppendElement(StringBuilder sb, string text)
    {
        if (!NeedsQuotes(text))
        {
            sb.Append(text);
            return;
        }
        sb.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        sb.Append('"');
    }

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var c in text)
            if (c is '{' or '}' or ',' or '"' or '\\' || IsArraySpace(c)) return true;
        return false;
    }

    // array_out quotes around what PostgreSQL's scanner treats as white space.
    private static bool IsArraySpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
