using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Workflows.Accounts;
using Workflows.Data;

namespace Portal.Components.Account;

/// What a signed-in person must do before anything else, enforced for every request on the server (not by hiding
/// links): change a temporary password an administrator gave them, then (Security:RequireTwoFactorForRoles) turn on
/// two-factor authentication if their role requires it. Until then they reach only the account pages (to do it, or
/// sign out) and static files. Pages redirect to the page that does it; anything else (the interactive circuit's
/// /_blazor connection, form posts) is refused.
internal static class AccountRequirements
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    public const string SetUpTwoFactorPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseAccountRequirements(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated != true || IsAlwaysAllowed(http.Request.Path)
            || await OutstandingAsync(http) is not { } path)
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
    private static async Task<string?> OutstandingAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(PortalClaimsPrincipalFactory.MustChangePasswordClaim) == "yes")
        {
            return ChangePasswordPath;
        }

        var policy = http.RequestServices.GetRequiredService<TwoFactorPolicy>();
        return policy.Roles.Count > 0 && policy.Requires(http.User.FindAll(ClaimTypes.Role).Select(c => c.Value)) && !await HasTwoFactorAsync(http)
            ? SetUpTwoFactorPath
            : null;
    }

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
