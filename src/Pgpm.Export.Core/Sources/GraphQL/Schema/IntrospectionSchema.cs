using System.Text.Json.Nodes;

namespace Pgpm.Export.Sources.GraphQL.Schema;

/// <summary>The parts of a GraphQL schema that discovery needs, read from one introspection query.</summary>
public sealed class IntrospectionSchema
{
    public const string Query = """
        query PgpmExportIntrospection {
          __schema {
            queryType { name }
            types {
              kind name description
              fields { name args { name type { ...TypeRef } } type { ...TypeRef } }
              inputFields { name type { ...TypeRef } }
              enumValues { name }
            }
          }
        }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    public sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
    {
        /// <summary>The named type under any NON_NULL and LIST wrappers.</summary>
        public TypeRef Named => OfType is null || Kind is not ("NON_NULL" or "LIST") ? this : OfType.Named;

        /// <summary>How many LIST wrappers there are (an array's dimensions).</summary>
        public int ListDepth =>
            Kind == "LIST" ? 1 + (OfType?.ListDepth ?? 0)
            : OfType is not null && Kind == "NON_NULL" ? OfType.ListDepth
            : 0;
    }

    public sealed record Field(string Name, IReadOnlyList<Field> Args, TypeRef Type);

    public sealed record TypeInfo(
        string Kind,
        string Name,
        IReadOnlyList<Field> Fields,
        IReadOnlyList<Field> InputFields,
        IReadOnlyList<string> EnumValues,
        string? Description = null
    )
    {
        public Field? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

        public Field? FindInputField(string name) => InputFields.FirstOrDefault(f => f.Name == name);
    }

    private readonly Dictionary<string, TypeInfo> _types;

    private IntrospectionSchema(string queryTypeName, Dictionary<string, TypeInfo> types)
    {
        QueryTypeName = queryTypeName;
        _types = types;
    }

    public string QueryTypeName { get; }

    /// <summary>
    /// The names were not introspected but taken from a manifest and a server's naming rules, then confirmed by probes
    /// (<see cref="IntrospectionFreeSchema"/>); enum values are then the rules' spelling of the labels, not the API's own list.
    /// </summary>
    public bool NamesFromRules { get; private init; }

    /// <summary>How the names were found, for verbose output; null when introspected.</summary>
    public string? HowFound { get; private init; }

    /// <summary>A schema assembled from probed names (see <see cref="NamesFromRules"/>).</summary>
    internal static IntrospectionSchema FromProbes(string queryTypeName, IEnumerable<TypeInfo> types, string howFound) =>
        new(queryTypeName, types.ToDictionary(t => t.Name, StringComparer.Ordinal)) { NamesFromRules = true, HowFound = howFound };

    public TypeInfo QueryType => _types[QueryTypeName];

    public TypeInfo? Find(string? name) => name is not null && _types.TryGetValue(name, out var type) ? type : null;

    public static IntrospectionSchema Parse(JsonObject data)
    {
        var schema = data["__schema"] ?? throw new FormatException("The introspection answer has no __schema.");
        var queryTypeName = schema["queryType"]?["name"]?.GetValue<string>() ?? "Query";
        var types = new Dictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var node in schema["types"]?.AsArray() ?? [])
        {
            if (node is null)
                continue;
            var name = node["name"]!.GetValue<string>();
            types[name] = new TypeInfo(
                node["kind"]!.GetValue<string>(),
                name,
                Fields(node["fields"]),
                Fields(node["inputFields"]),
                (node["enumValues"] as JsonArray ?? []).Select(v => v!["name"]!.GetValue<string>()).ToArray(),
                node["description"]?.GetValue<string>()
            );
        }
        return new IntrospectionSchema(queryTypeName, types);
    }

    private static IReadOnlyList<Field> Fields(JsonNode? node) =>
        node is JsonArray array
            ? array.Select(f => new Field(f!["name"]!.GetValue<string>(), Fields(f["args"]), Type(f["type"])!)).ToArray()
            : [];

    private static TypeRef? Type(JsonNode? node) =>
        node is null ? null : new TypeRef(node["kind"]!.GetValue<string>(), node["name"]?.GetValue<string>(), Type(node["ofType"]));
}
