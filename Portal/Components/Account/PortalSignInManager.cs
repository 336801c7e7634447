using System.Security.Claims;
using System.Security.Cryptography;
using Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Accounts;
using Workflows.Data;

namespace Portal.Components.Account;

/// Identity's sign-in with the portal's own rules: a disabled account cannot sign in, and its cookie stops being
/// accepted at the next security-stamp check. The disabled check comes after the password check, so that a wrong
/// password does not reveal whether an account is disabled; an unknown address and a locked account cost the same
/// hashing as a wrong password, so that the time taken does not reveal whether an account exists. A device is remembered (no code asked there) only for a
/// person whose roles all allow it (TwoFactorPolicy), and only until the account's security stamp changes.
internal sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TwoFactorPolicy twoFactor)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// A password hash of nothing anyone knows, for the decoy work below (made once: hashing is the slow part).
    private static string? _decoyHash;

    /// An unknown address does the same hashing work as a wrong password (issue 13, finding 9): Identity answers it at
    /// once, so the time taken told whether an address has an account (about 5 ms against 145 ms).
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        VerifyPasswordHash(null, password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            // Identity refuses a locked account before hashing: hash anyway, so that it takes a wrong password's time.
            VerifyPasswordHash(user, password);
        }

        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        return result.Succeeded && user.IsDisabled ? SignInResult.NotAllowed : result;
    }

    /// Hashing work whose answer is thrown away.
    private void VerifyPasswordHash(PortalUser? user, string password)
    {
        var hasher = UserManager.PasswordHasher;
        var decoy = new PortalUser();
        _decoyHash ??= hasher.HashPassword(decoy, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        _ = hasher.VerifyHashedPassword(user ?? decoy, user?.PasswordHash ?? _decoyHash, password);
    }

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    /// Whether "do not ask again on this device" may be offered to, and honoured for, this person now.
    public async Task<bool> MayRememberDeviceAsync(PortalUser user) =>
        twoFactor.MayRememberDevice(await RolesAsync(user));

    public override async Task<bool> IsTwoFactorClientRememberedAsync(PortalUser user)
    {
        if (!await MayRememberDeviceAsync(user))
        {
            return false;
        }

        // The remembered device's cookie carries the stamp it was issued with: compare it now, not at the cookie's
        // next revalidation, so that a change of roles or a reset forgets every device at once.
        var remembered = await Context.AuthenticateAsync(IdentityConstants.TwoFactorRememberMeScheme);
        return remembered.Principal is { } device
            && device.FindFirstValue(ClaimTypes.Name) == user.Id
            && device.FindFirstValue(Options.ClaimsIdentity.SecurityStampClaimType) == await UserManager.GetSecurityStampAsync(user);
    }

    public override async Task RememberTwoFactorClientAsync(PortalUser user)
    {
        if (await MayRememberDeviceAsync(user))
        {
            await base.RememberTwoFactorClientAsync(user);
        }
    }

    private async Task<Role[]> RolesAsync(PortalUser user) =>
        [.. (await UserManager.GetRolesAsync(user)).Select(n => Enum.TryParse<Role>(n, out var role) ? role : (Role?)null).OfType<Role>()];
}
