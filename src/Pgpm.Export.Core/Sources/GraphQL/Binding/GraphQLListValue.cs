using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Model;
using Pgpm.Export.Values;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// A list column's elements, read from the list's bytes, as <see cref="ArrayLiteral.Format"/> takes them: each element
/// as array_out prints it, which is PostgreSQL's own text of the element type, not the export's scalar form.
/// </summary>
internal static class GraphQLListValue
{
    /// <param name="depth">The list's dimensions: an element of a list of lists is itself read as a list.</param>
    public static List<object?> Elements(GraphQLColumn column, in JsonToken list, int depth)
    {
        // Anything but a list is refused as a tree refuses it, so that the message is the one it always was.
        if (list.Type != JsonTokenType.StartArray)
            list.ToNode()!.AsArray();
        var elements = new List<object?>();
        var reader = new Utf8JsonReader(list.Json);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = JsonToken.At(ref reader, list.Body, list.Start);
            if (item.Type == JsonTokenType.Null)
                elements.Add(null);
            else if (depth > 1)
                elements.Add(Elements(column, item, depth - 1));
            else
                elements.Add(ElementText(column, item));
        }
        return elements;
    }

    private static string ElementText(GraphQLColumn column, in JsonToken item)
    {
        // array_out prints booleans as t/f, unlike the text cast of a single boolean.
        if (item.Type is JsonTokenType.True or JsonTokenType.False)
            return item.Type == JsonTokenType.True ? "t" : "f";
        return column.Shape switch
        {
            GraphQLValueShape.Datetime => IsoTimestamp.ToPostgres(item.String()).Text,
            // jsonb[] elements are printed by jsonb_out ({"a": 1}); json[] elements keep their own text, which the server has already lost.
            GraphQLValueShape.JsonText => JsonText.Jsonb(JsonNode.Parse(item.String())),
            GraphQLValueShape.Scalar when column.ValueKind is PgTypeKind.Jsonb or PgTypeKind.Json => JsonText.Jsonb(item.ToNode()),
            _ => GraphQLValueReader.Scalar(column, item, column.ValueKind).Text!,
        };
    }
}
