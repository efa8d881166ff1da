namespace Pgpm.Export.Writing;

/// <summary>
/// A package's <c>pgpm.plan</c> written a line at a time (<see cref="PlanFile"/>'s layout) as changes are planned, so a
/// plan of thousands of changes is never held: neither as text nor as the changes it lists. Call <see cref="Finish"/>
/// after the last change; disposed before that, the file is left incomplete in the staging directory, which a failed
/// package discards.
/// </summary>
public sealed class PlanWriter : IDisposable
{
    private readonly Utf8ScriptOutput _output;
    private readonly PlanAuthor _author;

    internal PlanWriter(Stream file, string project, PlanAuthor author)
    {
        _output = new Utf8ScriptOutput(file);
        _author = author;
        _output.Write(PlanFile.Header(project));
    }

    /// <summary>How many change lines were written.</summary>
    public int Count { get; private set; }

    /// <summary>Writes <paramref name="change"/>'s line; <paramref name="planPosition"/> as for <see cref="PlanFile.Line"/>.</summary>
    public void Write(PlanChange change, IReadOnlyDictionary<string, int> planPosition)
    {
        _output.Write(PlanFile.Line(change, planPosition, _author));
        Count++;
    }

    /// <summary>Writes every line of <paramref name="changes"/>, already in plan order, and ends the plan (<see cref="Finish"/>).</summary>
    public void WriteAll(IReadOnlyList<PlanChange> changes)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            position.TryAdd(change.Name, position.Count);
            Write(change, position);
        }
        Finish();
    }

    /// <summary>Ends the plan and writes what is buffered.</summary>
    public void Finish()
    {
        if (Count == 0)
            _output.Write(PlanFile.EmptyPlanEnd);
        _output.Flush();
    }

    public void Dispose() => _output.Dispose();
}
