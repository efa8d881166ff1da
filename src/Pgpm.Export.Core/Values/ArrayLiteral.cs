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
            if (!first)
                sb.Append(',');
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
                    throw new ArgumentException(
                        $"An array element must be text, null or a nested list, not {element.GetType().Name}.",
                        nameof(elements)
                    );
            }
        }
        return sb.Append('}').ToString();
    }

    /// <summary>
    /// The elements of a one-dimensional array literal as array_out writes it (default bounds), or
    /// null when the text is not one: nested arrays, explicit bounds and malformed literals are left alone.
    /// </summary>
    public static List<string?>? TryParseOneDimensional(string literal)
    {
        if (literal.Length < 2 || literal[0] != '{' || literal[^1] != '}')
            return null;
        var elements = new List<string?>();
        if (literal.Length == 2)
            return elements;
        var i = 1;
        while (true)
        {
            if (literal[i] == '{')
                return null;
            var element = new StringBuilder();
            var quoted = literal[i] == '"';
            if (quoted)
            {
                i++;
                while (i < literal.Length - 1 && literal[i] != '"')
                {
                    if (literal[i] == '\\')
                        i++;
                    element.Append(literal[i]);
                    i++;
                }
                if (literal[i] != '"')
                    return null;
                i++;
                elements.Add(element.ToString());
            }
            else
            {
                while (i < literal.Length - 1 && literal[i] != ',')
                {
                    if (literal[i] is '"' or '\\' or '{' or '}')
                        return null;
                    element.Append(literal[i]);
                    i++;
                }
                var text = element.ToString();
                if (text.Length == 0)
                    return null;
                elements.Add(text.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : text);
            }
            if (i == literal.Length - 1)
                return elements;
            if (literal[i] != ',')
                return null;
            i++;
        }
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
            if (c is '"' or '\\')
                sb.Append('\\');
            sb.Append(c);
        }
        sb.Append('"');
    }

    private static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text.Equals("NULL", StringComparison.OrdinalIgnoreCase))
            return true;
        foreach (var c in text)
            if (c is '{' or '}' or ',' or '"' or '\\' || IsArraySpace(c))
                return true;
        return false;
    }

    // array_out quotes around what PostgreSQL's scanner treats as white space.
    private static bool IsArraySpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
