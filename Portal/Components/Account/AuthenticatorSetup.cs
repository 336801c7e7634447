using System.Text;
using QRCoder;

namespace Portal.Components.Account;

/// What a person needs to add the portal to an authenticator app: the key to type in, the otpauth URI
/// (Google's Key URI Format, read by every common app) and that URI as a QR code image.
internal static class AuthenticatorSetup
{
    public const string Issuer = "Review Portal";

    /// The key in groups of four, lower case, as apps accept it typed in; spaces and case do not matter to them.
    public static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    public static string OtpAuthUri(string accountName, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={issuer}&digits=6";
    }

    /// A PNG data URI, drawn on the server: the Content-Security-Policy allows img-src data: but no inline script.
    public static string QrCodeDataUri(string text)
    {
        var png = PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
