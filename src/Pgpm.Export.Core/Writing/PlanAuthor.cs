namespace Pgpm.Export.Writing;

/// <summary>The author written on every plan line: <c>Name &lt;email&gt;</c>, the email defaulting to <c>name@5b0c196eeb62</c>.</summary>
public sealed record PlanAuthor(string Name, string Email)
{
    public const string DefaultName = "constructive";
    public static PlanAuthor Default { get; } = Parse(DefaultName);

    public static PlanAuthor Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0) text = DefaultName;
        if (text.IndexOfAny(['\r', '\n']) >= 0)
            throw new ArgumentException("The author must be one line, like 'Jane Doe <jane@example.com>'.", nameof(text));
        var open = text.IndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            var name = text[..open].Trim();
            var email = text[(open + 1)..^1].Trim();
            if (name.Length == 0) name = email;
            return new PlanAuthor(name, email.Length == 0 ? name + "@5b0c196eeb62" : email);
        }
        if (open >= 0 || text.Contains('>'))
            throw new ArgumentException($"The author '{text}' is not of the form 'Name <email>'.", nameof(text));
        return new PlanAuthor(text, text + "@5b0c196eeb62");
    }

    public override string ToString() => $"{Name} <{Email}>";
}
