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

    /// Shown when the password asked again was missing or wrong; nothing was changed.
    private protected const string PasswordNotConfirmed = "Error: Enter the password you sign in with, to confirm it is you. Nothing was changed.";

    /// The password, asked again before a sensitive change (ConfirmPasswordField). A wrong one counts toward lockout
    /// as at sign-in; at the limit this session ends on the lockout page, so it cannot be guessed from an open screen.
    private protected async Task<bool> ConfirmPasswordAsync(string? password)
    {
        if (User is null || string.IsNullOrEmpty(password))
        {
            return false;
        }

        var result = await SignInManager.CheckPasswordSignInAsync(User, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await SignInManager.SignOutAsync();
            RedirectManager.RedirectTo("Account/Lockout");
        }

        if (result.Succeeded)
        {
            // Identity leaves the count alone on a right password while two-factor authentication is on (it resets it
            // only once the second factor is given): here the password is all the proof asked for, so earlier slips are
            // forgotten, as at a full sign-in.
            await UserManager.ResetAccessFailedCountAsync(User);
        }

        return result.Succeeded;
    }

    private protected void RedirectToTwoFactorPage(string message) =>
        RedirectManager.RedirectToWithStatus("Account/Manage/TwoFactorAuthentication", message, HttpContext);
}
