using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Workflows.Access;
using Workflows.Accounts;

namespace Portal.Components.Account;

/// The account gate, for every request of a signed-in person on the server (not by hiding links). The account is read
/// from the database once per request (RequestAccount), never from the cookie: its roles replace the cookie's role
/// claims for the rest of the request, and a disabled or deleted account is signed out. Then what the person must do
/// before anything else: change a temporary password an administrator gave them, then (Security:RequireTwoFactorForRoles)
/// turn on two-factor authentication if one of their roles requires it. Until then they reach only the account pages
/// (to do it, or sign out) and the static assets of the build's manifest (MapStaticAssets' endpoints, recognised by
/// their metadata: an address that merely looks like a file, such as /reviews/export.csv, is not one). Pages and
/// downloads redirect to the page that does it; anything else (the interactive circuit's /_blazor connection, form
/// posts) is refused.
internal static class AccountRequirements
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    public const string SetUpTwoFactorPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseAccountRequirements(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated != true || IsStaticAsset(http))
        {
            await next(http);
            return;
        }

        var account = await http.SignedInAccountAsync();
        if (!account.Exists)
        {
            // Disabled or deleted since the cookie was issued: from now on an anonymous visitor.
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(http);
            return;
        }

        http.User = WithRoles(http.User, account.Actor.Roles.Select(r => r.ToString()));
        if (IsAccountPage(http.Request.Path) || Outstanding(account, http.RequestServices.GetRequiredService<TwoFactorPolicy>()) is not { } path)
        {
            await next(http);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect(path + "?required=true");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
    });

    /// The page of the first thing this person still has to do, or null.
    private static string? Outstanding(SignedInAccount account, TwoFactorPolicy policy) =>
        account.MustChangePassword ? ChangePasswordPath
        : policy.Requires(account.Actor.Roles) && !account.TwoFactorEnabled ? SetUpTwoFactorPath
        : null;

    private static bool IsStaticAsset(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    private static bool IsAccountPage(PathString path) => path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase);

    /// The cookie's identity with the database's roles instead of those it was issued with, so that [Authorize(Roles)]
    /// on pages and endpoints follows a change of roles on the next request.
    private static ClaimsPrincipal WithRoles(ClaimsPrincipal principal, IEnumerable<string> roles)
    {
        var cookie = principal.Identities.First(i => i.IsAuthenticated);
        var identity = new ClaimsIdentity(cookie.Claims.Where(c => c.Type != cookie.RoleClaimType), cookie.AuthenticationType, cookie.NameClaimType, cookie.RoleClaimType);
        identity.AddClaims(roles.Select(r => new Claim(cookie.RoleClaimType, r)));
        return new ClaimsPrincipal(identity);
    }
}
