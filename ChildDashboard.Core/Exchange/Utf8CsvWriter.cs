using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ChildDashboard.Core.Exchange;

// The same RFC 4180 text as CsvWriter, written as UTF-8 straight into a pooled buffer that goes to
// the stream in chunks of about 64 KB: the streamed exports write millions of rows, and a string
// per field (escaping, number and date formatting) cost as much as reading them.
public sealed class Utf8CsvWriter(Stream stream) : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(2 * ChunkBytes);
    private int _length;
    private bool _rowStarted;

    public void Text(string? field)
    {
        var text = field.AsSpan();
        Separator();
        if (!text.ContainsAny(Special))
        {
            Encode(text);
            return;
        }
        Byte((byte)'"');
        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            Encode(text[..(quote + 1)]);
            Byte((byte)'"');
            text = text[(quote + 1)..];
        }
        Encode(text);
        Byte((byte)'"');
    }

    // double.ToString("R", InvariantCulture) as UTF-8.
    public void Number(double value)
    {
        Separator();
        Reserve(32);
        if (!value.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("A number did not fit in 32 bytes.");
        _length += written;
    }

    // "yyyy-MM-ddTHH:mm:ss.fff" (the milliseconds cut, not rounded, as that format does).
    public void Timestamp(DateTime value)
    {
        Separator();
        Reserve(23);
        var span = _buffer.AsSpan(_length, 23);
        Digits(span[..4], value.Year);
        span[4] = (byte)'-';
        Digits(span.Slice(5, 2), value.Month);
        span[7] = (byte)'-';
        Digits(span.Slice(8, 2), value.Day);
        span[10] = (byte)'T';
        Digits(span.Slice(11, 2), value.Hour);
        span[13] = (byte)':';
        Digits(span.Slice(14, 2), value.Minute);
        span[16] = (byte)':';
        Digits(span.Slice(17, 2), value.Second);
        span[19] = (byte)'.';
        Digits(span.Slice(20, 3), value.Millisecond);
        _length += 23;
    }

    public void EndRow()
    {
        Reserve(2);
        _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
        _rowStarted = false;
    }

    // The buffer holds a chunk: time to write it (between rows).
    public bool IsFull => _length >= ChunkBytes;

    public ValueTask FlushIfFullAsync(CancellationToken ct) => IsFull ? FlushAsync(ct) : ValueTask.CompletedTask;

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        await stream.WriteAsync(_buffer.AsMemory(0, _length), ct);
        _length = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Separator()
    {
        if (_rowStarted)
            Byte((byte)',');
        _rowStarted = true;
    }

    private void Byte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        Reserve(Utf8.GetMaxByteCount(text.Length));
        _length += Utf8.GetBytes(text, _buffer.AsSpan(_length));
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
            return;
        // Only a very long comment gets here: the buffer grows for that row.
        var larger = ArrayPool<byte>.Shared.Rent(_length + bytes);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private static void Digits(Span<byte> target, int value)
    {
        if (!Utf8Formatter.TryFormat(value, target, out var written, new StandardFormat('D', (byte)target.Length)) || written != target.Length)
            throw new InvalidOperationException("A date field did not fit.");
    }
}
