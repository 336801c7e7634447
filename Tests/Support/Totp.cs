namespace Portal.Testing;

/// What an authenticator app computes: RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits) from a Base32 key.
public static class Totp
{
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

    public static string Code(byte[] key, long step) => Infrastructure.Security.Totp.Code(key, step);

    public static byte[] Base32Decode(string text) => Infrastructure.Security.Totp.Base32Decode(text);

    private static long Step(DateTimeOffset at) => Infrastructure.Security.Totp.Step(at);
}
