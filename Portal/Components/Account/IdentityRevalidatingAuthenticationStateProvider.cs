using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workflows.Data;

namespace Portal.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp for the connected user
// while an interactive circuit is connected, every few minutes (Security:SessionRevalidation), so that
// a disabled account or a changed password ends open sessions quickly: the page then shows the sign-in page.
// Each time it also reads the circuit's person again (CurrentActor), so that removed roles and memberships take
// effect within the same interval.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        SessionRevalidation revalidation,
        CurrentActor person)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => revalidation.Interval;

    /// What a failed revalidation does, now (OpenCircuits): the circuit's user becomes anonymous.
    public void EndSession() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        bool valid;
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            valid = await ValidateSecurityStampAsync(userManager, authenticationState.User);
        }

        try
        {
            await person.ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The circuit keeps the person it has, and the next interval tries again: a failed reload must not end the loop.
            _logger.LogWarning(e, "The circuit's person could not be read again; trying at the next revalidation.");
        }

        return valid;
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
