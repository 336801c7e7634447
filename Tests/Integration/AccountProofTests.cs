using System.Net;
using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// Changes to how an account signs in need proof that it is the person (issue 13, finding 6): each authenticator code
/// works once.
public sealed class AccountProofTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task AnAuthenticatorCode_SignsInOnce_AndNotAgain()
    {
        var (_, email, key) = await AccountWithAuthenticatorAsync();
        var code = Totp.Now(key);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(email, code)).StatusCode);
        var again = await SignInWithCodeAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("not right", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string email, string code)
    {
        var client = _portal.Client();
        using var first = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = _portal.DemoPassword });
        return await client.PostFormAsync(PortalHttp.PathOf(first.Headers.Location!), new() { ["Input.Code"] = code });
    }

    /// A CRG member of its own with an authenticator and recovery codes (roles that need none here: Security:RequireTwoFactorForRoles is empty).
    private async Task<(string Id, string Email, string Key)> AccountWithAuthenticatorAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Test Person" };
        Assert.True((await users.CreateAsync(user, _portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, nameof(Role.CrgMember))).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (user.Id, email, (await users.GetAuthenticatorKeyAsync(user))!);
    }
}
