using System.Text;
using System.Text.RegularExpressions;

namespace Pgpm.Export.Commands;

/// <summary>
/// A name as PowerShell users give it: case-insensitive, with the wildcards <c>*</c>, <c>?</c> and
/// <c>[abc]</c>, and a backtick to take the next character literally. A name without wildcards that
/// matches nothing is an error for the caller to report; a wildcard that matches nothing is not.
/// </summary>
public sealed class NamePattern
{
    private readonly Regex _regex;

    public NamePattern(string text)
    {
        Text = text;
        var (regex, wildcard) = Translate(text);
        HasWildcards = wildcard;
        _regex = new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Text { get; }
    public bool HasWildcards { get; }

    public bool Matches(string name) => _regex.IsMatch(name);

    private static (string Regex, bool Wildcard) Translate(string pattern)
    {
        var sb = new StringBuilder("^");
        var wildcard = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    wildcard = true;
                    sb.Append(".*");
                    break;
                case '?':
                    wildcard = true;
                    sb.Append('.');
                    break;
                case '[' when pattern.IndexOf(']', i + 1) > i + 1:
                    wildcard = true;
                    var close = pattern.IndexOf(']', i + 1);
                    var set = pattern[(i + 1)..close];
                    sb.Append('[').Append(set.Replace("\\", "\\\\").Replace("^", "\\^")).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return (sb.Append('$').ToString(), wildcard);
    }
}
