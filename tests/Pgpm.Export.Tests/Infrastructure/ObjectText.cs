using System.Collections;
using System.Reflection;
using Pgpm.Export.Commands.Rows;

namespace Pgpm.Export.Tests.Infrastructure;

/// <summary>An object written out with every public property (and a row's values), to search for what must not be there.</summary>
public static class ObjectText
{
    public static string Of(object? value) =>
        value switch
        {
            null => "null",
            string s => s,
            RowRecord row => row.TypeName + " " + string.Join(" ", row.Values.Select(p => $"{p.Key}={Of(p.Value)}")),
            IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Of)) + "]",
            _ when value.GetType().IsPrimitive || value is Guid or decimal => value.ToString()!,
            _ => value
                + " {"
                + string.Join(
                    " ",
                    value
                        .GetType()
                        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .Select(p => $"{p.Name}={SafeGet(p, value)}")
                )
                + "}",
        };

    private static string SafeGet(PropertyInfo property, object value)
    {
        try
        {
            return Of(property.GetValue(value));
        }
        catch (TargetInvocationException e)
        {
            return "!" + e.InnerException?.GetType().Name;
        }
    }
}
