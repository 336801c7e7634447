using System.Net;
using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// Changes to how an account signs in need proof that it is the person (issue 13, finding 6): the password again, or a
/// current authenticator code, for resetting or turning off the authenticator and for new recovery codes, wrong ones
/// counting toward lockout; an
/// active key is never shown again; turning it off makes a new key; each authenticator code works once.
public sealed class AccountProofTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ResetDisableAndNewRecoveryCodes_WithoutTheRightPassword_ChangeNothing_AndWrongOnesCountTowardLockout()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        using var client = await _portal.SignedInClientAsync(email, _portal.DemoPassword, key);
        var codes = await RecoveryCodesAsync(id);

        using (var reset = await client.PostFormAsync("/Account/Manage/ResetAuthenticator", new()))
        {
            Assert.Contains("Nothing was changed", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (await client.PostFormAsync("/Account/Manage/GenerateRecoveryCodes", new() { ["Password"] = "Not-The-Password-1!" }))
        {
        }

        var user = await UserAsync(id);
        Assert.True(user.TwoFactorEnabled);
        Assert.Equal(key, await AuthenticatorKeyAsync(id));
        Assert.Equal(codes, await RecoveryCodesAsync(id));
        Assert.Equal(1, user.AccessFailedCount);

        using (var disable = await client.PostFormAsync("/Account/Manage/Disable2fa", new() { ["Password"] = _portal.DemoPassword }))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        user = await UserAsync(id);
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal(0, user.AccessFailedCount);
        // The old key never works again, and is not the one shown when two-factor authentication is turned on again.
        Assert.NotEqual(key, await AuthenticatorKeyAsync(id));
    }

    [Fact]
    public async Task ResetDisableAndNewRecoveryCodes_TakeACurrentAuthenticatorCode_InsteadOfThePassword_EachCodeOnce()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        using var client = await _portal.SignedInClientAsync(email, _portal.DemoPassword, key);
        var codes = await RecoveryCodesAsync(id);

        // A wrong code changes nothing and counts toward lockout as a wrong password does.
        using (var wrong = await client.PostFormAsync("/Account/Manage/GenerateRecoveryCodes", new() { ["Code"] = Totp.Wrong(key) }))
        {
            Assert.Contains("Nothing was changed", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(codes, await RecoveryCodesAsync(id));
        Assert.Equal(1, (await UserAsync(id)).AccessFailedCount);

        // A current code does it, and earlier slips are forgotten.
        var code = Totp.Next(key);
        using (var right = await client.PostFormAsync("/Account/Manage/GenerateRecoveryCodes", new() { ["Code"] = code }))
        {
            Assert.Contains("Save your recovery codes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotEqual(codes, await RecoveryCodesAsync(id));
        Assert.Equal(0, (await UserAsync(id)).AccessFailedCount);

        // The same code does not work twice (read over a shoulder, it is spent).
        using (var again = await client.PostFormAsync("/Account/Manage/Disable2fa", new() { ["Code"] = code }))
        {
            Assert.Contains("Nothing was changed", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.True((await UserAsync(id)).TwoFactorEnabled);
        using (var next = await client.PostFormAsync("/Account/Manage/Disable2fa", new() { ["Code"] = Totp.Next(key) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        }

        Assert.False((await UserAsync(id)).TwoFactorEnabled);
        Assert.NotEqual(key, await AuthenticatorKeyAsync(id));
    }

    [Fact]
    public async Task ResetAuthenticator_WrongCodes_LockTheAccountAsWrongPasswordsDo_AndEndTheSession()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        using var client = await _portal.SignedInClientAsync(email, _portal.DemoPassword, key);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/Account/Manage/ResetAuthenticator", new() { ["Code"] = Totp.Wrong(key) });
        }

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.Equal("/Account/Lockout", PortalHttp.PathOf(last.Headers.Location!));
        last.Dispose();
        var user = await UserAsync(id);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.True(user.TwoFactorEnabled);
        Assert.Equal(key, await AuthenticatorKeyAsync(id));
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", PortalHttp.PathOf(after.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswords_LockTheAccountAsSignInDoes_AndEndTheSession()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        using var client = await _portal.SignedInClientAsync(email, _portal.DemoPassword, key);
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.PostFormAsync("/Account/Manage/ChangePassword", new()
            {
                ["Input.OldPassword"] = $"Wrong-Password-{i}!",
                ["Input.NewPassword"] = "A-New-Password-2026!",
                ["Input.ConfirmPassword"] = "A-New-Password-2026!",
            });
        }

        Assert.Equal(HttpStatusCode.Redirect, last!.StatusCode);
        Assert.Equal("/Account/Lockout", PortalHttp.PathOf(last.Headers.Location!));
        last.Dispose();
        Assert.True((await UserAsync(id)).LockoutEnd > DateTimeOffset.UtcNow);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", PortalHttp.PathOf(after.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableAuthenticator_PostedWhileTwoFactorIsOn_NeverShowsTheActiveKey()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        using var client = await _portal.SignedInClientAsync(email, _portal.DemoPassword, key);

        // A crafted post: the form's fields taken from another page of the same person (the antiforgery token is theirs).
        var fields = await client.HiddenFieldsAsync("/Account/Manage/ResetAuthenticator");
        fields["_handler"] = "enable-authenticator";
        fields["Input.Code"] = "000000";
        using var post = await client.PostAsync(new Uri("Account/Manage/EnableAuthenticator", UriKind.Relative), new FormUrlEncodedContent(fields));

        // Turned away (the page has no form to take it once two-factor authentication is on), never shown with the key.
        var page = await post.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.DoesNotContain(AuthenticatorSetupKey(key), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("shared-key", page, StringComparison.Ordinal);
        Assert.True((await UserAsync(id)).TwoFactorEnabled);
        Assert.Equal(key, await AuthenticatorKeyAsync(id));
    }

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

    [Fact]
    public async Task ANewKey_TakesItsFirstCode_RightAfterTheOldKeysCodeWasUsed()
    {
        var (id, email, key) = await AccountWithAuthenticatorAsync();
        // A step ahead of now, as a phone a little fast shows it: the new key's code for now is behind it.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(email, Totp.Next(key))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(email, Totp.Next(key))).StatusCode);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.ResetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!)).Succeeded);
        }

        var newKey = (await AuthenticatorKeyAsync(id))!;
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(email, Totp.Now(newKey))).StatusCode);
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string email, string code)
    {
        var client = _portal.Client();
        using var first = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = _portal.DemoPassword });
        return await client.PostFormAsync(PortalHttp.PathOf(first.Headers.Location!), new() { ["Input.Code"] = code });
    }

    /// The key as the set-up page shows it, in groups of four.
    private static string AuthenticatorSetupKey(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

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

    private Task<PortalUser> UserAsync(string id) => _portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private async Task<string?> AuthenticatorKeyAsync(string id)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!);
    }

    private async Task<string?> RecoveryCodesAsync(string id)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetAuthenticationTokenAsync((await users.FindByIdAsync(id))!, "[AspNetUserStore]", "RecoveryCodes");
    }
}
