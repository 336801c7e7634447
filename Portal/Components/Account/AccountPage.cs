using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Workflows.Data;

namespace Portal.Components.Account;

/// What the account pages' code needs: Identity's managers, redirects that work in static rendering, the request.
public abstract class AccountPage : ComponentBase
{
    [Inject]
    protected UserManager<PortalUser> UserManager { get; set; } = default!;

    [Inject]
    protected SignInManager<PortalUser> SignInManager { get; set; } = default!;

    [Inject]
    private protected IdentityRedirectManager RedirectManager { get; set; } = default!;

    [Inject]
    protected ILogger<AccountPage> Logger { get; set; } = default!;

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;
}
