using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ChildDashboard.Tests.Web.Security;

// What an authenticator app computes (RFC 6238: HMAC-SHA1 of the 30-second step, six digits) from
// the shared key the setup page shows (base32, spaces and case ignored).
public static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset at)
    {
        var key = Base32(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        Span<byte> step = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    // A code of the next step: one that an enrolment a moment ago cannot have used.
    public static string NextCode(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30));

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
