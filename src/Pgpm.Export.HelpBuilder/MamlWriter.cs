using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Pgpm.Export.HelpBuilder;

/// <summary>Writes cmdlet help as the MAML file Get-Help reads (<c>&lt;assembly&gt;.dll-Help.xml</c>), in the shape platyPS
/// produces.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Build(IEnumerable<CmdletHelp> cmdlets) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Msh + "helpItems",
                new XAttribute("schema", "maml"),
                cmdlets.OrderBy(c => c.Name, StringComparer.Ordinal).Select(CommandElement)
            )
        );

    public static string Render(IEnumerable<CmdletHelp> cmdlets)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            Build(cmdlets).Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement CommandElement(CmdletHelp help) =>
        new(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(
                Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)
            ),
            Description(help.Description),
            new XElement(
                Command + "syntax",
                help.Syntax.Select(set => new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    help.Parameters.Where(p => p.InSet(set.Name)).Select(p => ParameterElement(p, set.Name, withDescription: false))
                ))
            ),
            new XElement(Command + "parameters", help.Parameters.Select(p => ParameterElement(p, null, withDescription: true))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement("inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement("returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(
                Command + "examples",
                help.Examples.Select(e => new XElement(
                    Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                    new XElement(Dev + "code", e.Code),
                    new XElement(Dev + "remarks", Paragraphs(e.Remarks))
                ))
            ),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(Link))
        );

    private static XElement ParameterElement(ParameterHelp p, string? set, bool withDescription)
    {
        var isSwitch = p.Type == "SwitchParameter";
        var element = new XElement(
            Command + "parameter",
            new XAttribute("required", p.Required.ToString().ToLowerInvariant()),
            new XAttribute("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal).ToString().ToLowerInvariant()),
            new XAttribute("globbing", p.Wildcards.ToString().ToLowerInvariant()),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", p.Position.ToLowerInvariant() == "named" ? "named" : p.Position),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name)
        );
        if (withDescription)
            element.Add(Description(p.Description));
        if (!isSwitch)
            element.Add(
                new XElement(
                    Command + "parameterValue",
                    new XAttribute("required", "true"),
                    new XAttribute("variableLength", "false"),
                    p.Type
                )
            );
        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", p.Type)));
        element.Add(new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static XElement TypeElement(string name, TypeHelp type) =>
        new(Command + name, new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)), Description(type.Description));

    private static XElement Link(string markdownLink)
    {
        // [text](uri) or plain text
        var close = markdownLink.IndexOf("](", StringComparison.Ordinal);
        var text = markdownLink.StartsWith('[') && close > 0 ? markdownLink[1..close] : markdownLink;
        var uri = close > 0 && markdownLink.EndsWith(')') ? markdownLink[(close + 2)..^1] : "";
        // Get-Help -Online opens the first related link's URI; a relative markdown link (about_Pgpm.Export.md) is no
        // address, and PowerShell fails on it ("The specified URI ... is not valid"). Only absolute http(s) links stay.
        if (!(Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"))
            uri = "";
        return new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));
    }

    private static XElement Description(string text) => new(Maml + "description", Paragraphs(text));

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new XElement(Maml + "para", p));
}
