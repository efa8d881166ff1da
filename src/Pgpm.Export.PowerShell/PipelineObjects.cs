using System.Management.Automation;
using Pgpm.Export.Commands.Rows;

namespace Pgpm.Export.PowerShell;

/// <summary>Rows between the engine and PowerShell objects: one note property per column, the table in the type name.</summary>
internal static class PipelineObjects
{
    public static PSObject ToPSObject(RowRecord row)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, row.TypeName);
        result.TypeNames.Insert(1, "Pgpm.Export.Row");
        foreach (var (name, value) in row.Values)
            result.Properties.Add(new PSNoteProperty(name, value));
        return result;
    }

    public static RowInput ToRowInput(PSObject input, int position)
    {
        var properties = new List<KeyValuePair<string, object?>>();
        foreach (var property in input.Properties)
        {
            if (property.MemberType is not (PSMemberTypes.NoteProperty or PSMemberTypes.Property or PSMemberTypes.AliasProperty or PSMemberTypes.ScriptProperty or PSMemberTypes.CodeProperty))
                continue;
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }
            properties.Add(new(property.Name, Unwrap(value)));
        }
        var description = input.BaseObject is PSCustomObject ? "a PSCustomObject" : $"a {input.BaseObject?.GetType().FullName ?? "null"}";
        return new RowInput(position, input.TypeNames.ToList(), properties, description);
    }

    private static object? Unwrap(object? value) => value switch
    {
        PSObject wrapped when wrapped.BaseObject is not PSCustomObject => Unwrap(wrapped.BaseObject),
        object?[] items => items.Select(Unwrap).ToArray(),
        _ => value,
    };
}
