using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Sources.GraphQL.Paging;

namespace Pgpm.Export.Sources.GraphQL.Binding;

/// <summary>
/// One JSON value where it lies in an answer's bytes, as <see cref="ConnectionPage"/> found it: its token type and
/// whole text (a string with its quotes, an object or list with its brackets), and whether a string holds escapes.
/// The default value is a field the node did not have, which reads as null like a JSON null.
/// </summary>
internal readonly struct JsonToken
{
    private readonly byte[]? _body;
    private readonly int _start;
    private readonly int _length;

    public JsonToken(byte[] body, int start, int length, JsonTokenType type, bool escaped)
    {
        _body = body;
        _start = start;
        _length = length;
        Type = type;
        Escaped = escaped;
    }

    /// <summary><see cref="JsonTokenType.None"/> for a missing field.</summary>
    public JsonTokenType Type { get; }

    /// <summary>A string with a backslash escape in it, whose bytes are therefore not its value.</summary>
    public bool Escaped { get; }

    public bool IsNull => Type is JsonTokenType.None or JsonTokenType.Null;

    /// <summary>The value's JSON text.</summary>
    public ReadOnlySpan<byte> Json => new(_body, _start, _length);

    public byte[] Body => _body!;

    /// <summary>Where the value's JSON text starts in <see cref="Body"/>.</summary>
    public int Start => _start;

    public int Length => _length;

    /// <summary>Where a string's bytes start in <see cref="Body"/>, after the opening quote.</summary>
    public int StringStart => _start + 1;

    public int StringLength => _length - 2;

    /// <summary>A string's value (escapes decoded); a number's or literal's text.</summary>
    public string Text()
    {
        if (Type != JsonTokenType.String)
            return Encoding.UTF8.GetString(Json);
        if (!Escaped)
            return Encoding.UTF8.GetString(_body!, StringStart, StringLength);
        var reader = new Utf8JsonReader(Json);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A string's value; any other value is refused as a tree refuses it (<see cref="JsonValue.GetValue{T}"/>).</summary>
    public string String() => Type == JsonTokenType.String ? Text() : ToNode()!.GetValue<string>();

    /// <summary>A boolean's value; any other value is refused as a tree refuses it.</summary>
    public bool Boolean() => Type is JsonTokenType.True or JsonTokenType.False ? Type == JsonTokenType.True : ToNode()!.GetValue<bool>();

    /// <summary>
    /// The value the reader stands on, which lies at <paramref name="offset"/> plus the reader's position in
    /// <paramref name="body"/>; an object or list is skipped over, so that the reader stands on its end.
    /// </summary>
    public static JsonToken At(ref Utf8JsonReader reader, byte[] body, int offset)
    {
        var start = (int)reader.TokenStartIndex;
        var type = reader.TokenType;
        switch (type)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return new JsonToken(body, offset + start, (int)reader.BytesConsumed - start, type, false);
            case JsonTokenType.String:
                return new JsonToken(body, offset + start, reader.ValueSpan.Length + 2, type, reader.ValueIsEscaped);
            default:
                return new JsonToken(body, offset + start, reader.ValueSpan.Length, type, false);
        }
    }

    /// <summary>The value as the tree a whole-answer parse would have given (null for JSON null and a missing field).</summary>
    public JsonNode? ToNode() => Type == JsonTokenType.None ? null : JsonNode.Parse(Json);
}
