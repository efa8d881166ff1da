namespace Pgpm.Export.HelpBuilder;

/// <summary>One cmdlet's help as platyPS writes it in markdown.</summary>
public sealed record CmdletHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<SyntaxSet> Syntax,
    string Description,
    IReadOnlyList<HelpExample> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    string Notes,
    IReadOnlyList<string> RelatedLinks
)
{
    public string Verb => Name.Split('-', 2)[0];
    public string Noun => Name.Split('-', 2)[1];
}

/// <param name="Name">The parameter set's name.</param>
/// <param name="IsDefault">Marked "(Default)" in the heading.</param>
/// <param name="Line">The syntax line as written in the code block.</param>
public sealed record SyntaxSet(string Name, bool IsDefault, string Line);

public sealed record HelpExample(string Title, string Code, string Remarks);

/// <summary>A parameter's description and its yaml block.</summary>
public sealed record ParameterHelp(
    string Name,
    string Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Wildcards
)
{
    public bool InAllSets => ParameterSets.Count == 1 && ParameterSets[0] == "(All)";

    public bool InSet(string set) => InAllSets || ParameterSets.Contains(set);
}

public sealed record TypeHelp(string TypeName, string Description);
