using Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Workflows.Data;

namespace Infrastructure.Identity;

/// Identity's EF user store with every token value protected at rest (AtRest.UserTokenValue): the authenticator key
/// and the recovery codes, which Identity keeps as tokens of its own ("[AspNetUserStore]"), and any other token.
/// Identity reads and writes them only through these two methods (GetAuthenticatorKeyAsync, RedeemCodeAsync,
/// CountCodesAsync and ReplaceCodesAsync all call them), so the rest of the store is Identity's own.
public sealed class ProtectedUserStore(ReviewDb context, AtRest atRest, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, IdentityRole, ReviewDb>(context, describer)
{
    public override Task SetTokenAsync(PortalUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, atRest.Protect(AtRest.UserTokenValue, value), cancellationToken);

    public override async Task<string?> GetTokenAsync(PortalUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        atRest.Unprotect(AtRest.UserTokenValue, await base.GetTokenAsync(user, loginProvider, name, cancellationToken));
}
