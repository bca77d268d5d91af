namespace ChildDashboard.Core.Exchange.Xlsx;

// Reads a zip entry's inflated bytes and stops at the limit: the sizes a zip declares can lie, so the
// bytes actually inflated are counted and inflating ends at the first byte past what is allowed.
internal sealed class BoundedStream(Stream inner, long limit, Func<Exception> tooLarge) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // One byte more than allowed is asked for, so that reaching the limit exactly is not an error.
        var wanted = (int)Math.Min(buffer.Length, limit - _read + 1);
        var read = inner.Read(buffer[..Math.Max(wanted, 1)]);
        _read += read;
        if (_read > limit)
            throw tooLarge();
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
