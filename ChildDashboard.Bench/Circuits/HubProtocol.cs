using System.Buffers;

namespace ChildDashboard.Bench.Circuits;

// SignalR's hub protocol in its MessagePack form, as Blazor's "blazorpack" uses it: each message is
// a MessagePack array after a VarInt length prefix.
// https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/HubProtocol.md
public static class HubProtocol
{
    public const string Handshake = "{\"protocol\":\"blazorpack\",\"version\":1}\u001e";

    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int PingType = 6;
    private const int CloseType = 7;

    public abstract record Message;

    public sealed record Invocation(string Target, MessagePackReader Arguments, int ArgumentCount) : Message;

    public sealed record Completion(string InvocationId, string? Error, MessagePackReader? Result) : Message;

    public sealed record Ping : Message;

    public sealed record Close(string? Error) : Message;

    public sealed record Other(long Type) : Message;

    // An invocation of a hub method; with an id the server answers with a completion.
    public static byte[] Invoke(string? invocationId, string target, Action<MessagePackWriter> writeArguments, int argumentCount)
    {
        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        writer.ArrayHeader(6);
        writer.Integer(InvocationType);
        writer.EmptyMap();
        writer.String(invocationId);
        writer.String(target);
        writer.ArrayHeader(argumentCount);
        writeArguments(writer);
        writer.ArrayHeader(0);
        return Frame(body.WrittenSpan);
    }

    public static byte[] PingMessage { get; } = PingFrame();

    // Splits a received buffer into messages; a message cut at the end is left unconsumed.
    public static List<Message> Parse(ReadOnlyMemory<byte> buffer, out int consumed)
    {
        var messages = new List<Message>();
        consumed = 0;
        while (TryReadLength(buffer.Span[consumed..], out var length, out var prefix) && buffer.Length - consumed - prefix >= length)
        {
            messages.Add(Read(buffer.Slice(consumed + prefix, length)));
            consumed += prefix + length;
        }
        return messages;
    }

    private static Message Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        var count = reader.ArrayHeader();
        var type = reader.Integer();
        switch (type)
        {
            case InvocationType:
                reader.Skip(); // headers
                reader.Skip(); // invocation id: the server's calls expect no completion message
                var target = reader.String() ?? "";
                var arguments = reader.ArrayHeader();
                return new Invocation(target, reader, arguments);
            case CompletionType:
                reader.Skip();
                var id = reader.String() ?? "";
                var kind = reader.Integer();
                return kind switch
                {
                    1 => new Completion(id, reader.String(), null),
                    3 => new Completion(id, null, reader),
                    _ => new Completion(id, null, null),
                };
            case PingType:
                return new Ping();
            case CloseType:
                return new Close(count > 1 ? reader.String() : null);
            default:
                return new Other(type);
        }
    }

    private static bool TryReadLength(ReadOnlySpan<byte> span, out int length, out int prefix)
    {
        length = 0;
        for (prefix = 0; prefix < Math.Min(5, span.Length); prefix++)
        {
            length |= (span[prefix] & 0x7f) << (7 * prefix);
            if ((span[prefix] & 0x80) == 0)
            {
                prefix++;
                return true;
            }
        }
        return false;
    }

    private static byte[] Frame(ReadOnlySpan<byte> body)
    {
        var framed = new List<byte>(body.Length + 5);
        var length = (uint)body.Length;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            framed.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        framed.AddRange(body);
        return [.. framed];
    }

    private static byte[] PingFrame()
    {
        var body = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(body);
        writer.ArrayHeader(1);
        writer.Integer(PingType);
        return Frame(body.WrittenSpan);
    }
}
