using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Workflows.Data;

namespace Infrastructure.Security;

/// The authenticator app's codes, each accepted once (issue 13, finding 6). Identity's own provider accepts any code
/// within two steps either side of now, as often as it is entered, so a code read over a shoulder or relayed by a
/// phishing page opened a second session for up to two minutes. This one accepts the same window, but only steps later
/// than the last one used by the account, which it keeps in Identity's user tokens (saved with the account row, whose
/// concurrency stamp stops two sign-ins racing with one code).
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string TokenLoginProvider = "[ReviewPortal]";
    public const string LastStepTokenName = "LastAuthenticatorStep";

    /// Steps either side of now that are accepted, as Identity does: a phone's clock may be a minute out.
    private const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// The app makes the codes; the portal never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != Totp.Digits || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Totp.Base32Decode(key);
        var now = Totp.Step(time.GetUtcNow());
        // The step is kept with a fingerprint of the key it was used with: a new key (reset, or turned off and on) starts
        // afresh, or its first code would be refused for as long as the old key's last code was ahead of it.
        var fingerprint = Convert.ToHexString(SHA256.HashData(secret))[..16];
        var last = await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName) is { } stored
            && stored.Split(':') is [var usedStep, var usedKey] && usedKey == fingerprint
            && long.TryParse(usedStep, NumberStyles.Integer, CultureInfo.InvariantCulture, out var used) ? used : long.MinValue;
        for (var step = Math.Max(now - Drift, last + 1); step <= now + Drift; step++)
        {
            if (Totp.Code(secret, step) == token)
            {
                var saved = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepTokenName,
                    step.ToString(CultureInfo.InvariantCulture) + ":" + fingerprint);
                // Another sign-in saved the account first (possibly with this very code): this one does not count.
                return saved.Succeeded;
            }
        }

        return false;
    }
}
