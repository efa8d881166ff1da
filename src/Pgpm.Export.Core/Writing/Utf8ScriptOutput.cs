using System.Buffers;

namespace Pgpm.Export.Writing;

/// <summary>
/// A script file written as UTF-8 through one pooled buffer of <see cref="BufferBytes"/>: text is encoded straight into
/// it (strict: an unpaired surrogate throws <see cref="System.Text.EncoderFallbackException"/>), bytes are copied, and the
/// file gets a write only when the buffer is full. Call <see cref="Flush"/> at the end; <see cref="Dispose"/> returns the
/// buffer and closes the file without writing what is left (a failed script is discarded with its staging folder).
/// </summary>
public sealed class Utf8ScriptOutput : IDisposable
{
    public const int BufferBytes = 1 << 16;

    private readonly Stream _file;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _used;

    public Utf8ScriptOutput(Stream file) => _file = file;

    public void Write(string text) => Write(text.AsSpan());

    /// <summary>Encodes <paramref name="text"/> into the buffer, a buffer's worth at a time however long it is (a script body can be
    /// megabytes).</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        var buffer = Buffer;
        while (!text.IsEmpty)
        {
            // At most 3 bytes per char; never split a surrogate pair, which the strict encoder would refuse as unpaired.
            var room = (buffer.Length - _used) / 3;
            var take = Math.Min(room, text.Length);
            if (take < text.Length && take > 0 && char.IsHighSurrogate(text[take - 1]))
                take--;
            if (take == 0)
            {
                Flush();
                continue;
            }
            _used += Utf8.Strict.GetBytes(text[..take], buffer.AsSpan(_used));
            text = text[take..];
        }
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        var buffer = Buffer;
        if (bytes.Length > buffer.Length - _used)
        {
            Flush();
            if (bytes.Length > buffer.Length)
            {
                _file.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Writes what the buffer holds to the file.</summary>
    public void Flush()
    {
        if (_used == 0)
            return;
        _file.Write(Buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _file.Dispose();
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(Utf8ScriptOutput));
}
