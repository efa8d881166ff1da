namespace Pgpm.Export.Sources.Sql;

/// <summary>
/// Cuts the bytes of a <c>COPY … TO STDOUT</c> (text format) into rows, each ending at a raw newline. Rows are handed
/// out as ranges of a buffer that is only ever appended to, never overwritten: when it is full, a new one is taken and
/// the unfinished row moved there. So the values of a row (<see cref="CopyField"/>) stay valid for as long as anyone
/// holds them, with one allocation per <see cref="ChunkBytes"/> read instead of a string per row and per value.
/// </summary>
internal sealed class CopyTextLines
{
    /// <summary>The size of each buffer (a longer row gets a buffer of its own size, doubled).</summary>
    public const int ChunkBytes = 1 << 16;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _searched;
    private bool _ended;

    public CopyTextLines(Stream stream, int chunkBytes = ChunkBytes)
    {
        _stream = stream;
        _buffer = new byte[chunkBytes];
    }

    /// <summary>
    /// The next whole row already read, without its newline, if there is one: no waiting and no state machine per row.
    /// When false, call <see cref="ReadMoreAsync"/>.
    /// </summary>
    public bool TryReadLine(out byte[] bytes, out int start, out int length)
    {
        var newline = _buffer.AsSpan(_searched, _end - _searched).IndexOf((byte)'\n');
        if (newline < 0)
        {
            _searched = _end;
            bytes = _buffer;
            start = length = 0;
            return false;
        }
        bytes = _buffer;
        start = _start;
        length = _searched + newline - _start;
        _start = _searched = _searched + newline + 1;
        return true;
    }

    /// <summary>
    /// Reads more of the stream; false at its end. Throws <see cref="FormatException"/> when the stream ends inside a
    /// row (COPY TO ends every row with a newline, so the data was cut off).
    /// </summary>
    public async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        if (_ended)
            return false;
        if (_end == _buffer.Length)
        {
            // Full: the rows handed out keep this buffer; the unfinished row moves to a new one.
            var unfinished = _end - _start;
            var next = new byte[Math.Max(_buffer.Length, unfinished * 2)];
            Buffer.BlockCopy(_buffer, _start, next, 0, unfinished);
            _buffer = next;
            _searched -= _start;
            _start = 0;
            _end = unfinished;
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            _end += read;
            return true;
        }
        _ended = true;
        if (_end > _start)
            throw new FormatException("The COPY data ended inside a row.");
        return false;
    }
}
