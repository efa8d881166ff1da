namespace Pgpm.Export.Writing;

/// <summary>
/// The author written on every plan line and in package.json: <c>Name &lt;email&gt;</c> (sqitch's and pgpm's planner syntax),
/// the email defaulting, as upstream's, to <c>name@5b0c196eeb62</c> with any run of whitespace in the name made one dot
/// (<c>Jane Doe</c> gives <c>Jane.Doe@5b0c196eeb62</c>): an address has no spaces.
/// </summary>
public sealed record PlanAuthor(string Name, string Email)
{
    public const string DefaultName = "constructive";
    public static PlanAuthor Default { get; } = Parse(DefaultName);

    public static PlanAuthor Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
            text = DefaultName;
        if (text.IndexOfAny(['\r', '\n']) >= 0)
            throw new ArgumentException("The author must be one line, like 'Jane Doe <jane@example.com>'.");
        var open = text.IndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            var name = text[..open].Trim();
            var email = text[(open + 1)..^1].Trim();
            if (name.Length == 0)
                name = email;
            if (email.Any(char.IsWhiteSpace) || email.Contains('<'))
                throw new ArgumentException(
                    $"The author's email '{email}' is not an address (it has {(email.Contains('<') ? "a '<'" : "a space")}); "
                        + "give 'Name <email>' with an address such as 'Jane Doe <jane@example.com>'."
                );
            return new PlanAuthor(name, email.Length == 0 ? DefaultEmail(name) : email);
        }
        if (open >= 0 || text.Contains('>'))
            throw new ArgumentException($"The author '{text}' is not of the form 'Name <email>'.");
        return new PlanAuthor(text, DefaultEmail(text));
    }

    private static string DefaultEmail(string name) =>
        string.Join('.', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) + "@5b0c196eeb62";

    public override string ToString() => $"{Name} <{Email}>";
}
