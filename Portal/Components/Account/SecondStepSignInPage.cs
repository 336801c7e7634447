using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Workflows.Data;

namespace Portal.Components.Account;

/// The second step of signing in, with an authenticator code or a recovery code: the person has given the right
/// password and holds Identity's short-lived two-factor cookie. Wrong codes count towards lockout like wrong passwords.
public abstract class SecondStepSignInPage : AccountPage
{
    [Inject]
    private protected Workflows.Accounts.TwoFactorPolicy TwoFactorPolicy { get; set; } = default!;

    [SupplyParameterFromQuery]
    protected string? ReturnUrl { get; set; }

    /// Null when the first step was not done or was too long ago; the page then redirects to sign in.
    protected PortalUser? User { get; private set; }

    protected string? ErrorMessage { get; set; }

    protected override async Task OnInitializedAsync()
    {
        User = await SignInManager.GetTwoFactorAuthenticationUserAsync();
        if (User is null)
        {
            RedirectManager.RedirectToWithStatus(
                "Account/Login",
                "Error: Signing in took too long, so it was cancelled. Sign in again with your email address and password.",
                HttpContext);
        }
    }

    protected async Task FinishAsync(PortalUser user, SignInResult result, string method, string wrongCodeMessage)
    {
        if (result.Succeeded)
        {
            Logger.LogInformation("User {UserId} signed in (second step: {Method}).", user.Id, method);
            RedirectManager.RedirectTo(ReturnUrl);
        }
        // Identity locks the account on the last allowed failure but may report that attempt only as failed
        // (dotnet/aspnetcore#40860): ask the store, so the person learns of the lockout now, not at the next try.
        else if (result.IsLockedOut || await UserManager.IsLockedOutAsync(user))
        {
            Logger.LogWarning("User {UserId} is locked out after a wrong {Method}.", user.Id, method);
            RedirectManager.RedirectTo("Account/Lockout");
        }
        else
        {
            Logger.LogWarning("User {UserId} entered a wrong {Method}.", user.Id, method);
            ErrorMessage = wrongCodeMessage;
        }
    }
}
