using System.Text;

namespace Pgpm.Export.Writing;

internal static class Utf8
{
    /// <summary>UTF-8 without a byte-order mark, throwing on unpaired surrogates rather than writing replacement characters.</summary>
    public static readonly Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
