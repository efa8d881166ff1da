using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pgpm.Export.Writing;

/// <summary>
/// A string as a JSON string literal, quotes included, through System.Text.Json's source-generated metadata: the
/// same text <c>JsonSerializer.Serialize(value)</c> gives, without the reflection-based serializer, which a natively
/// compiled <c>pgpm-export</c> does not have (and which costs its own warm-up in every other build).
/// </summary>
public static class JsonStringLiteral
{
    private static readonly StringJsonContext Relaxed = new(
        new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }
    );

    /// <summary>The literal with System.Text.Json's default escaping (non-ASCII and HTML-sensitive characters as \uXXXX).</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, StringJsonContext.Default.String);

    /// <summary>The literal escaping only what JSON requires (quotes, backslashes, control characters), as npm writes
    /// package.json.</summary>
    public static string QuoteRelaxed(string value) => JsonSerializer.Serialize(value, Relaxed.String);
}

[JsonSerializable(typeof(string))]
internal sealed partial class StringJsonContext : JsonSerializerContext;
