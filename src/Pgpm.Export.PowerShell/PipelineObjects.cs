using System.Management.Automation;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Model;

namespace Pgpm.Export.PowerShell;

/// <summary>
/// Rows between the engine and PowerShell objects: the table first (<see cref="RowTypeName.TableProperty"/>, then in
/// the type name), then one note property per column.
/// </summary>
internal static class PipelineObjects
{
    public static PSObject ToPSObject(RowRecord row)
    {
        var result = new PSObject();
        result.TypeNames.Insert(0, row.TypeName);
        result.TypeNames.Insert(1, "Pgpm.Export.Row");
        result.Properties.Add(new PSNoteProperty(RowTypeName.TableProperty, row.Table.ToString()));
        foreach (var (name, value) in row.Values)
            result.Properties.Add(new PSNoteProperty(name, value));
        return result;
    }

    /// <summary>
    /// The database a piped object stands for, as PowerShell binds by property name: a DatabaseInfo, or any object
    /// (deserialized by Import-Clixml or a job, a [pscustomobject]) with a <c>DatabaseId</c>, or an <c>Id</c> when it
    /// is not a row (rows carry a row type name, a <c>Pgpm.Table</c> property or a <c>database_id</c> column, and their <c>id</c> is the
    /// row's own).
    /// Null for anything else, which is then read as a row.
    /// </summary>
    public static Guid? DatabaseIdOf(PSObject input)
    {
        if (input.BaseObject is DatabaseInfo database)
            return database.Id;
        if (
            RowTypeName.TableOf(input.TypeNames) is not null
            || input.Properties[RowTypeName.TableProperty] is not null
            || input.Properties["database_id"] is not null
        )
            return null;
        var property = input.Properties["DatabaseId"] ?? input.Properties["Id"];
        return property?.Value switch
        {
            Guid id => id,
            PSObject { BaseObject: Guid id } => id,
            string text when Guid.TryParse(text, out var id) => id,
            _ => null,
        };
    }

    /// <summary>
    /// The note properties PowerShell adds to every object a job or a remote session hands back (Receive-Job,
    /// Invoke-Command): they say where the object came from and are no column of any row.
    /// </summary>
    private static readonly HashSet<string> RemotingProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "PSComputerName",
        "RunspaceId",
        "PSShowComputerName",
        "PSSourceJobInstanceId",
    };

    public static RowInput ToRowInput(PSObject input, int position)
    {
        var deserialized = input.TypeNames.Count > 0 && input.TypeNames[0].StartsWith("Deserialized.", StringComparison.Ordinal);
        var properties = new List<KeyValuePair<string, object?>>();
        foreach (var property in input.Properties)
        {
            if (
                property.MemberType
                is not (
                    PSMemberTypes.NoteProperty
                    or PSMemberTypes.Property
                    or PSMemberTypes.AliasProperty
                    or PSMemberTypes.ScriptProperty
                    or PSMemberTypes.CodeProperty
                )
            )
                continue;
            if (deserialized && RemotingProperties.Contains(property.Name))
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
        return new RowInput(position, input.TypeNames.ToList(), properties, description) { Original = input.BaseObject };
    }

    private static object? Unwrap(object? value) =>
        value switch
        {
            PSObject wrapped when wrapped.BaseObject is not PSCustomObject => Unwrap(wrapped.BaseObject),
            object?[] items => items.Select(Unwrap).ToArray(),
            _ => value,
        };
}
