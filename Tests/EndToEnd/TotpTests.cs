using System.Text;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The test's own authenticator must be right before it can say anything about the portal's.
public sealed class TotpTests
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(2000000000, "279037")]
    public void Code_Rfc6238Sha1Vectors_MatchTheLastSixDigits(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, unixSeconds / 30));
    }

    [Fact]
    public void Base32Decode_RoundTripsRfc4648Example_IgnoringCaseAndSpaces() =>
        Assert.Equal("foobar"u8.ToArray(), Totp.Base32Decode("mzxw 6ytb oi======"));
}
