using System.Management.Automation;

namespace Pgpm.Export.PowerShell.Completers;

/// <summary>A completion as PowerShell inserts it: quoted when the name holds anything a bare word cannot.</summary>
internal static class CompletionText
{
    public static CompletionResult Result(string name)
    {
        var bare = name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');
        var text = bare ? name : "'" + name.Replace("'", "''") + "'";
        return new CompletionResult(text, name, CompletionResultType.ParameterValue, name);
    }
}
