using Microsoft.AspNetCore.Components;
using Workflows.Access;
using Workflows.Accounts;
using Workflows.Data;

namespace Portal.Components.Account;

/// The pages under Account/Manage (set in their _Imports.razor): each works on the signed-in user's own account.
public abstract class ManageAccountPage : AccountPage
{
    [Inject]
    private protected TwoFactorPolicy TwoFactorPolicy { get; set; } = default!;

    /// Null only when the account has gone since the cookie was issued; the page then redirects.
    protected PortalUser? User { get; private set; }

    /// One of the person's roles (as the database has them now) needs two-factor authentication: it cannot be turned off.
    protected bool TwoFactorRequired { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        User = await UserManager.GetUserAsync(HttpContext.User);
        if (User is null)
        {
            RedirectManager.RedirectToInvalidUser();
            return;
        }

        TwoFactorRequired = TwoFactorPolicy.Requires((await HttpContext.SignedInAccountAsync()).Actor.Roles);
        await OnUserLoadedAsync(User);
    }

    protected virtual Task OnUserLoadedAsync(PortalUser user) => Task.CompletedTask;

    private protected void RedirectToTwoFactorPage(string message) =>
        RedirectManager.RedirectToWithStatus("Account/Manage/TwoFactorAuthentication", message, HttpContext);
}
