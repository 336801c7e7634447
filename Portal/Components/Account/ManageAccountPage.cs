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

    /// Two-factor authentication is on: a current authenticator code proves it is the person as well as the password.
    /// Not while it is off: the set-up page shows a key not yet confirmed to anyone at the screen.
    protected bool TwoFactorOn => User?.TwoFactorEnabled == true;

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

    /// Shown when the password (or code) asked again was missing or wrong; nothing was changed.
    private protected string NotConfirmed => TwoFactorOn
        ? "Error: Enter the password you sign in with, or a current code from your authenticator app, to confirm it is you. Nothing was changed."
        : "Error: Enter the password you sign in with, to confirm it is you. Nothing was changed.";

    /// The proof asked for before a sensitive change (ConfirmPasswordField): the password, or, while two-factor
    /// authentication is on, a current authenticator code instead (each code works once, as at sign-in). A password
    /// given is the one checked. A wrong code counts toward lockout as a wrong password does.
    private protected async Task<bool> ConfirmItIsYouAsync(string? password, string? code) =>
        string.IsNullOrEmpty(password) && !string.IsNullOrWhiteSpace(code) ? await ConfirmCodeAsync(code) : await ConfirmPasswordAsync(password);

    private async Task<bool> ConfirmCodeAsync(string code)
    {
        if (User is null || !TwoFactorOn)
        {
            return false;
        }

        // As CheckPasswordSignInAsync: a locked account is refused before the code is looked at.
        if (await UserManager.IsLockedOutAsync(User))
        {
            await EndLockedOutSessionAsync();
            return false;
        }

        var typed = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (await UserManager.VerifyTwoFactorTokenAsync(User, UserManager.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            await UserManager.ResetAccessFailedCountAsync(User);
            return true;
        }

        await UserManager.AccessFailedAsync(User);
        if (await UserManager.IsLockedOutAsync(User))
        {
            await EndLockedOutSessionAsync();
        }

        return false;
    }

    private async Task EndLockedOutSessionAsync()
    {
        await SignInManager.SignOutAsync();
        RedirectManager.RedirectTo("Account/Lockout");
    }

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
            await EndLockedOutSessionAsync();
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
