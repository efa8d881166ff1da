using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pgpm.Export.Sources.GraphQL.Transport;

/// <summary>
/// The JSON body of a GraphQL POST (GraphQL over HTTP: <c>{"query": …, "variables": {…}}</c>), written through
/// source-generated metadata so that a natively compiled <c>pgpm-export</c> needs no reflection-based serializer.
/// Variable values may be null, text, whole numbers, booleans or lists of text; any other type is a
/// NotSupportedException from System.Text.Json (a programming error, not an input one).
/// </summary>
internal static class GraphQLRequestBody
{
    public static string Serialize(string query, IReadOnlyDictionary<string, object?>? variables) =>
        JsonSerializer.Serialize(new GraphQLRequest(query, variables), GraphQLRequestJsonContext.Default.GraphQLRequest);
}

internal sealed record GraphQLRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, object?>? Variables
);

[JsonSerializable(typeof(GraphQLRequest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class GraphQLRequestJsonContext : JsonSerializerContext;
