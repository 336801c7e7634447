using Workflows.Data;

namespace Portal.Components.Account;

/// The pages under Account/Manage (set in their _Imports.razor): each works on the signed-in user's own account.
public abstract class ManageAccountPage : AccountPage
{
    /// Null only when the account has gone since the cookie was issued; the page then redirects.
    protected PortalUser? User { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        User = await UserManager.GetUserAsync(HttpContext.User);
        if (User is null)
        {
            RedirectManager.RedirectToInvalidUser();
            return;
        }

        await OnUserLoadedAsync(User);
    }

    protected virtual Task OnUserLoadedAsync(PortalUser user) => Task.CompletedTask;

    private protected void RedirectToTwoFactorPage(string message) =>
        RedirectManager.RedirectToWithStatus("Account/Manage/TwoFactorAuthentication", message, HttpContext);
}
