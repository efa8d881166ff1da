namespace Pgpm.Export.Commands.Rows;

/// <summary>
/// An object piped into Export-PgpmProject, as the cmdlet saw it: its type names and its properties,
/// with PSObject wrappers already taken off the values.
/// </summary>
/// <param name="Position">The object's place in the pipeline input, counted from 1, for messages.</param>
/// <param name="Description">What the object is, for messages when it is not a row (e.g. its .NET type).</param>
public sealed record RowInput(
    int Position,
    IReadOnlyList<string> TypeNames,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    string Description
)
{
    /// <summary>The piped object itself, the TargetObject of an error about it; null when there is none to give (then the position
    /// is).</summary>
    public object? Original { get; init; }
}
