using System.Text.Json.Nodes;
using Pgpm.Export.Errors;
using Pgpm.Export.Sources.GraphQL.Transport;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>
/// One probe of an API's names without introspection: a query with one probed thing (a field, an argument, a column) a
/// line, every field under <c>@skip(if: true)</c> so nothing is read, only validated. graphql-js reports each name the
/// schema lacks as its own validation error with the line it is on, so one request confirms or refutes many names. A
/// probed thing nested in another is only meaningful when its parent passed (a missing field's selection is not checked).
/// </summary>
internal sealed class FieldProbe
{
    private readonly List<(string Definition, string? Item)> _variables = [];
    private readonly List<(string Text, string? Item)> _body = [];

    /// <summary>Declares a variable (<c>$db: UUID!</c>); declare only those a probed line uses. With <paramref
    /// name="item"/>, its type is probed too.</summary>
    public FieldProbe Variable(string definition, string? item = null)
    {
        if (!_variables.Any(v => v.Definition == definition))
            _variables.Add((definition, item));
        return this;
    }

    /// <summary>Adds a line; <paramref name="item"/> names what it probes (null for structure that cannot fail).</summary>
    public FieldProbe Line(string text, string? item = null)
    {
        _body.Add((text, item));
        return this;
    }

    public bool IsEmpty => _body.Count == 0;

    /// <summary>The probed things the API refused, each with the first message it gave; sent once.</summary>
    /// <exception cref="ExportException">GraphQLProbeUnclear: an error that names no probed line (a refused variable
    /// type, a server limit).</exception>
    public async Task<IReadOnlyDictionary<string, string>> RefusedAsync(
        GraphQLClient client,
        IReadOnlyDictionary<string, object?>? variables,
        string doing,
        CancellationToken cancellationToken
    )
    {
        var lines = new List<string> { _variables.Count == 0 ? "query PgpmExportProbe {" : "query PgpmExportProbe(" };
        var items = new Dictionary<int, string>();
        if (_variables.Count > 0)
        {
            foreach (var (definition, item) in _variables)
            {
                lines.Add(definition);
                if (item is not null)
                    items[lines.Count] = item;
            }
            lines.Add(") {");
        }
        foreach (var (text, item) in _body)
        {
            lines.Add(text);
            if (item is not null)
                items[lines.Count] = item;
        }
        lines.Add("}");
        var errors = await client.ProbeAsync(string.Join('\n', lines), variables, doing, cancellationToken).ConfigureAwait(false);
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in errors.OfType<JsonObject>())
        {
            var message = error["message"]?.GetValue<string>() ?? "an error without a message";
            var named = false;
            foreach (var location in error["locations"] as JsonArray ?? [])
            {
                if (location?["line"] is JsonValue line && line.TryGetValue<int>(out var number) && items.TryGetValue(number, out var item))
                {
                    refused.TryAdd(item, message);
                    named = true;
                }
            }
            if (!named)
                throw new ExportException(
                    ExportErrorKind.Protocol,
                    ErrorId.GraphQLProbeUnclear,
                    $"{client.Endpoint} refuses introspection, and while {doing} it refused a probe of its names for a reason "
                        + $"that names none of them: {message}. "
                        + "Ask the API's operator to allow introspection for this database or API, or export over "
                        + "SQL."
                ).WithTarget(client.Endpoint);
        }
        return refused;
    }
}
