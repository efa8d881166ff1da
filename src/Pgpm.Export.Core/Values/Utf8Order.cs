using System.Text;

namespace Pgpm.Export.Values;

/// <summary>Orders strings by their UTF-8 bytes, as PostgreSQL's memcmp-based comparisons (hstore keys, jsonb keys) do.</summary>
public sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    public int Compare(string? x, string? y) => Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
}
