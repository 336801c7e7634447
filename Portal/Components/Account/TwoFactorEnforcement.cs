using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Workflows.Accounts;
using Workflows.Data;

namespace Portal.Components.Account;

/// Security:RequireTwoFactorForRoles, enforced for every request on the server (not by hiding links): a signed-in
/// person whose role requires two-factor authentication and who has not turned it on reaches only the account pages
/// (to set it up, or sign out) and static files. Pages redirect to the set-up page; anything else (the interactive
/// circuit's /_blazor connection, form posts) is refused.
internal static class TwoFactorEnforcement
{
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseTwoFactorPolicy(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var policy = http.RequestServices.GetRequiredService<TwoFactorPolicy>();
        if (policy.Roles.Count == 0 || http.User.Identity?.IsAuthenticated != true || IsAlwaysAllowed(http.Request.Path)
            || !policy.Requires(http.User.FindAll(ClaimTypes.Role).Select(c => c.Value)) || await HasTwoFactorAsync(http))
        {
            await next(http);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Redirect(SetUpPath + "?required=true");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status403Forbidden;
    });

    private static bool IsAlwaysAllowed(PathString path) =>
        path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
        // Static files (scripts, styles, images) have an extension; pages and the circuit's hub do not.
        || (Path.HasExtension(path.Value) && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> HasTwoFactorAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(PortalClaimsPrincipalFactory.TwoFactorClaim) is { } claim)
        {
            return claim == "on";
        }

        // A cookie issued before the claim existed: ask the database once for this request.
        var users = http.RequestServices.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetUserAsync(http.User) is { TwoFactorEnabled: true };
    }
}
