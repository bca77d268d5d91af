using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ChildDashboard.Bench.Circuits;

// The few MessagePack encodings SignalR's hub protocol uses (https://github.com/msgpack/msgpack/blob/master/spec.md):
// arrays, maps, strings, binaries, integers, booleans and nil.
public sealed class MessagePackWriter(IBufferWriter<byte> output)
{
    public void ArrayHeader(int count)
    {
        if (count < 16)
            Byte((byte)(0x90 | count));
        else
        {
            Byte(0xdc);
            UInt16((ushort)count);
        }
    }

    public void EmptyMap() => Byte(0x80);

    public void Nil() => Byte(0xc0);

    public void Bool(bool value) => Byte(value ? (byte)0xc3 : (byte)0xc2);

    public void Integer(long value)
    {
        if (value is >= 0 and < 128)
            Byte((byte)value);
        else
        {
            Byte(0xd3);
            var span = output.GetSpan(8);
            BinaryPrimitives.WriteInt64BigEndian(span, value);
            output.Advance(8);
        }
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Nil();
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        if (length < 32)
            Byte((byte)(0xa0 | length));
        else if (length < 256)
        {
            Byte(0xd9);
            Byte((byte)length);
        }
        else if (length < 65536)
        {
            Byte(0xda);
            UInt16((ushort)length);
        }
        else
        {
            Byte(0xdb);
            var header = output.GetSpan(4);
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)length);
            output.Advance(4);
        }
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(length);
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(output.GetSpan(2), value);
        output.Advance(2);
    }
}

public sealed class MessagePackReader(ReadOnlyMemory<byte> data)
{
    private int _position;

    public bool End => _position >= data.Length;

    public bool TryNil()
    {
        if (Peek() != 0xc0)
            return false;
        _position++;
        return true;
    }

    public int ArrayHeader()
    {
        var code = Next();
        return code switch
        {
            >= 0x90 and <= 0x9f => code & 0x0f,
            0xdc => ReadUInt16(),
            0xdd => checked((int)ReadUInt32()),
            _ => throw Unexpected(code, "array"),
        };
    }

    public int MapHeader()
    {
        var code = Next();
        return code switch
        {
            >= 0x80 and <= 0x8f => code & 0x0f,
            0xde => ReadUInt16(),
            0xdf => checked((int)ReadUInt32()),
            _ => throw Unexpected(code, "map"),
        };
    }

    public long Integer()
    {
        var code = Next();
        return code switch
        {
            <= 0x7f => code,
            >= 0xe0 => (sbyte)code,
            0xcc => Next(),
            0xcd => ReadUInt16(),
            0xce => ReadUInt32(),
            0xcf => checked((long)BinaryPrimitives.ReadUInt64BigEndian(Take(8))),
            0xd0 => (sbyte)Next(),
            0xd1 => BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            0xd2 => BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            0xd3 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            _ => throw Unexpected(code, "integer"),
        };
    }

    public bool Bool()
    {
        var code = Next();
        return code switch
        {
            0xc3 => true,
            0xc2 => false,
            _ => throw Unexpected(code, "boolean"),
        };
    }

    public string? String()
    {
        if (TryNil())
            return null;
        var code = Next();
        var length = code switch
        {
            >= 0xa0 and <= 0xbf => code & 0x1f,
            0xd9 => Next(),
            0xda => ReadUInt16(),
            0xdb => checked((int)ReadUInt32()),
            _ => throw Unexpected(code, "string"),
        };
        return Encoding.UTF8.GetString(Take(length));
    }

    public ReadOnlyMemory<byte> Binary()
    {
        var code = Next();
        var length = code switch
        {
            0xc4 => Next(),
            0xc5 => ReadUInt16(),
            0xc6 => checked((int)ReadUInt32()),
            _ => throw Unexpected(code, "binary"),
        };
        var slice = data.Slice(_position, length);
        _position += length;
        return slice;
    }

    public void Skip()
    {
        var code = Peek();
        switch (code)
        {
            case <= 0x7f or >= 0xe0 or 0xc0 or 0xc2 or 0xc3:
                _position++;
                break;
            case >= 0xcc and <= 0xd3:
                Integer();
                break;
            case 0xca:
                _position += 5;
                break;
            case 0xcb:
                _position += 9;
                break;
            case (>= 0xa0 and <= 0xbf) or 0xd9 or 0xda or 0xdb:
                String();
                break;
            case 0xc4 or 0xc5 or 0xc6:
                Binary();
                break;
            case (>= 0x90 and <= 0x9f) or 0xdc or 0xdd:
                for (var i = ArrayHeader(); i > 0; i--)
                    Skip();
                break;
            case (>= 0x80 and <= 0x8f) or 0xde or 0xdf:
                for (var i = MapHeader() * 2; i > 0; i--)
                    Skip();
                break;
            case >= 0xd4 and <= 0xd8:
                _position += 2 + (1 << (code - 0xd4));
                break;
            case 0xc7:
                _position++;
                var length = Next();
                _position += length + 1;
                break;
            default:
                throw Unexpected(code, "a known type");
        }
    }

    private byte Peek() => data.Span[_position];

    private byte Next() => data.Span[_position++];

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    private ReadOnlySpan<byte> Take(int length)
    {
        var span = data.Span.Slice(_position, length);
        _position += length;
        return span;
    }

    private InvalidDataException Unexpected(byte code, string expected) =>
        new($"MessagePack: 0x{code:x2} at {_position - 1}, expected {expected}.");
}
