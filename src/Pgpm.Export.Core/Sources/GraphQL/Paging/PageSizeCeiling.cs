using Pgpm.Export.Logging;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.Paging;

/// <summary>
/// The most rows one page may ask for from an endpoint: the configured page size, lowered for good (and for
/// every table read at once) when the server refuses a size as too large.
/// </summary>
internal sealed class PageSizeCeiling(int maximum, IExportLog log)
{
    private int _value = maximum;

    public int Value => Volatile.Read(ref _value);

    /// <summary>Lowers the ceiling to half the refused size; false when a single row was refused and nothing is left to try.</summary>
    public bool Refused(int size, GraphQLClient client)
    {
        if (size <= 1)
            return false;
        var lower = Math.Max(1, size / 2);
        int seen;
        while ((seen = Volatile.Read(ref _value)) > lower && Interlocked.CompareExchange(ref _value, lower, seen) != seen) { }
        log.Verbose($"{client.Endpoint} refused pages of {Counted.Of(size, "row")}; asking for at most {Value} instead.");
        return true;
    }
}
