using System.Text;

namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// One non-NULL value as COPY's text format sent it: UTF-8 bytes with COPY's escapes still in them (see
/// <see cref="CopyTextLine"/>), checked when the row was split. The bytes belong to the row (a reader never reuses
/// them), so a value can be kept after the next row is read.
/// </summary>
internal readonly struct CopyField
{
    private readonly byte[]? _bytes;
    private readonly int _start;
    private readonly int _length;
    private readonly Escapes _escapes;

    /// <summary>
    /// What the escapes of a value stand for, found when its row is split; <see cref="None"/> means the bytes are the value.
    /// </summary>
    [Flags]
    public enum Escapes : byte
    {
        None = 0,

        /// <summary>Some escape, so the bytes are not the value as they are.</summary>
        Some = 1,

        /// <summary>A <c>\\</c>: the value holds a backslash.</summary>
        Backslash = 2,

        /// <summary>A <c>\n</c>: the value holds a line break.</summary>
        LineBreak = 4,

        /// <summary>Not an escape: marks a <see cref="Model.PgValue"/> that holds COPY bytes rather than a string.</summary>
        IsCopy = 8,
    }

    public CopyField(byte[] bytes, int start, int length, Escapes escapes)
    {
        _bytes = bytes;
        _start = start;
        _length = length;
        _escapes = escapes;
    }

    public byte[]? Bytes => _bytes;
    public int Start => _start;
    public int Length => _length;
    public Escapes EscapesFound => _escapes;

    /// <summary>False for the default value (no COPY text).</summary>
    public bool IsSet => _bytes is not null;

    /// <summary>The bytes as COPY sent them, escapes included.</summary>
    public ReadOnlySpan<byte> Span => new(_bytes, _start, _length);

    public bool HasEscapes => (_escapes & Escapes.Some) != 0;
    public bool HasBackslash => (_escapes & Escapes.Backslash) != 0;
    public bool HasLineBreak => (_escapes & Escapes.LineBreak) != 0;

    /// <summary>The value as a string, escapes decoded.</summary>
    public string Decode()
    {
        if (!HasEscapes)
            return Encoding.UTF8.GetString(Span);
        var decoded = new byte[_length];
        var length = Unescape(Span, decoded);
        return Encoding.UTF8.GetString(decoded, 0, length);
    }

    /// <summary>
    /// Writes the value's bytes, escapes decoded, into <paramref name="into"/> (at least as long as the text) and returns their
    /// count.
    /// </summary>
    private static int Unescape(ReadOnlySpan<byte> text, Span<byte> into)
    {
        var written = 0;
        while (true)
        {
            var escape = text.IndexOf((byte)'\\');
            if (escape < 0)
                break;
            text[..escape].CopyTo(into[written..]);
            written += escape;
            into[written++] = CopyTextLine.Unescaped(text[escape + 1]);
            text = text[(escape + 2)..];
        }
        text.CopyTo(into[written..]);
        return written + text.Length;
    }
}
