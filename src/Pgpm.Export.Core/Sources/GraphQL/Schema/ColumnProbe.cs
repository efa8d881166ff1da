using Pgpm.Export.Manifest;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>One manifest column while its field is looked for: the names still to try, and what the probes said.</summary>
internal sealed class ColumnProbe(ManifestColumn column, IReadOnlyList<string> candidates)
{
    public ManifestColumn Column { get; } = column;
    public IReadOnlyList<string> Candidates { get; } = candidates;
    public string? Field { get; set; }
    public string? Refusal { get; set; }
    public bool Hidden { get; set; }
    public bool Found => Field is not null;

    public bool Open(int round) => !Found && !Hidden && round < Candidates.Count;
}
