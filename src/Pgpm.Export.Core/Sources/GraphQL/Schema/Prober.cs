using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>Sends the probes of one schema's discovery without introspection, and counts them for the verbose line.</summary>
internal sealed class Prober(GraphQLClient client, CancellationToken cancellationToken)
{
    public int Requests { get; private set; }

    public Uri Endpoint => client.Endpoint;

    public Task<IReadOnlyDictionary<string, string>> RefusedAsync(
        FieldProbe query,
        IReadOnlyDictionary<string, object?>? variables,
        string doing
    )
    {
        Requests++;
        // $db is declared non-null where a probe uses it, and its value is checked before the @skip is: any uuid will do.
        return query.RefusedAsync(
            client,
            variables ?? new Dictionary<string, object?> { ["db"] = Guid.Empty.ToString() },
            doing,
            cancellationToken
        );
    }
}
