using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Portal.Testing;

/// What an authenticator app computes: RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits) from a Base32 key.
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// The code for now, from the key as the page shows it ("abcd efgh ...").
    public static string Now(string key) => Code(Base32Decode(key), Step(DateTimeOffset.UtcNow));

    /// Codes of successive steps from now on, one more step each call for the same key: the portal accepts a code once
    /// (and none older than it), so a test that signs in again within 30 seconds uses the next one, as a phone whose
    /// clock is a little ahead would show it. The portal accepts up to two steps ahead.
    public static string Next(string key)
    {
        var normalised = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var now = Step(DateTimeOffset.UtcNow);
        var step = LastSteps.AddOrUpdate(normalised, now, (_, last) => Math.Max(now, last + 1));
        while (step > Step(DateTimeOffset.UtcNow) + 2)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }

        return Code(Base32Decode(normalised), step);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastSteps = new();

    /// A code that no clock drift makes right: Identity accepts the steps two either side of now.
    public static string Wrong(string key)
    {
        var bytes = Base32Decode(key);
        var now = Step(DateTimeOffset.UtcNow);
        var accepted = Enumerable.Range(-3, 7).Select(i => Code(bytes, now + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(c => !accepted.Contains(c));
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF;
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            var index = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    private static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;
}
