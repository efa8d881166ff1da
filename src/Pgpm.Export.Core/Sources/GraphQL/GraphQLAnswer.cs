using System.Text.Json.Nodes;

namespace Pgpm.Export.Sources.GraphQL;

/// <summary>A successful answer's <c>data</c>, and how many bytes its body had (which page sizing uses).</summary>
public sealed record GraphQLAnswer(JsonObject Data, long Bytes);
