using System.Net;
using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// A portal where the roles that see case records must use two-factor authentication (board members need not here,
/// so that one can be promoted with the cookie they signed in with).
public sealed class TwoFactorPolicyFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new PortalFactory().RequireTwoFactorFor(Roles.ReviewOfficer, Roles.Manager, Roles.DataProtectionOfficer);

    public Task InitializeAsync()
    {
        _ = Portal.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// Who must use two-factor authentication, read from the database on every request; who cannot turn it off; whose
/// device may be remembered, and for how long (issue 13, findings 3 and 6).
public sealed class TwoFactorPolicyTests(TwoFactorPolicyFixture fixture) : IClassFixture<TwoFactorPolicyFixture>
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public void ShippedSettings_RequireTwoFactorOfEveryRole_AndRememberOnlyBoardMembersDevices()
    {
        var shipped = TwoFactorPolicy.From(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build());
        var absent = TwoFactorPolicy.From(new ConfigurationBuilder().Build());

        Assert.Equal(Enum.GetValues<Role>().Order(), shipped.Roles.Order());
        Assert.Equal(Enum.GetValues<Role>().Order(), absent.Roles.Order());
        Assert.Equal(TimeSpan.FromDays(14), shipped.RememberDeviceFor);
        Assert.True(shipped.MayRememberDevice([Role.BoardMember]));
        foreach (var role in Enum.GetValues<Role>().Except([Role.BoardMember]))
        {
            Assert.False(shipped.MayRememberDevice([role]), role.ToString());
            Assert.False(shipped.MayRememberDevice([Role.BoardMember, role]), role.ToString());
        }
    }

    [Fact]
    public async Task PromotedBoardMember_IsAskedForTwoFactorBeforeTheirFirstCasePage_WithTheCookieTheyAlreadyHad()
    {
        var board = await NewAccountAsync(Role.BoardMember);
        using var client = await Portal.SignedInClientAsync(board.Email);
        using (var report = await client.GetAsync("/reports/board"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        var stampBefore = await StampAsync(board.Id);
        await ChangeRolesAsync(board.Id, [Role.ReviewOfficer], [await LrOfficeAsync()]);
        var review = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Reference.StartsWith("LR-")).Select(r => r.Id).FirstAsync());

        using var casePage = await client.GetAsync($"/reviews/{review}");
        Assert.Equal(HttpStatusCode.Redirect, casePage.StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", casePage.Headers.Location!.OriginalString);
        Assert.NotEqual(stampBefore, await StampAsync(board.Id));
    }

    [Fact]
    public async Task RoleThatRequiresTwoFactor_CannotTurnItOff_ThePageSaysWhy_AndAPostChangesNothing()
    {
        var officer = await NewAccountAsync(Role.ReviewOfficer, await LrOfficeAsync());
        var key = await TurnOnTwoFactorAsync(officer.Id);
        using var client = await Portal.SignedInClientAsync(officer.Email, Portal.DemoPassword, key);

        var settings = await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Contains("cannot be turned off", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("Account/Manage/Disable2fa", settings, StringComparison.Ordinal);
        using var post = await client.PostFormAsync("/Account/Manage/Disable2fa", []);
        var page = await post.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Your role needs two-factor authentication, so it cannot be turned off.", page, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.Users.Where(u => u.Id == officer.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task RememberedDevice_SkipsTheCodeForABoardMember_UntilTheirAccessChanges()
    {
        var board = await NewAccountAsync(Role.BoardMember);
        var key = await TurnOnTwoFactorAsync(board.Id);
        using var client = await Portal.SignedInClientAsync(board.Email, Portal.DemoPassword, key, rememberDevice: true);

        Assert.Equal("/", await SignInAgainAsync(client, board.Email));

        // Same role, another office: access changed, so the device is forgotten at once (not at the next revalidation).
        await ChangeRolesAsync(board.Id, [Role.BoardMember], [await LrOfficeAsync()]);
        Assert.StartsWith("/Account/LoginWith2fa", await SignInAgainAsync(client, board.Email), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RememberDevice_IsNeitherOfferedNorHonouredForARoleThatSeesPersonalData()
    {
        var dpo = await NewAccountAsync(Role.DataProtectionOfficer);
        var key = await TurnOnTwoFactorAsync(dpo.Id);
        using var client = Portal.Client();
        using var first = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = dpo.Email, ["Input.Password"] = Portal.DemoPassword });
        var secondStep = PortalHttp.PathOf(first.Headers.Location!);
        Assert.DoesNotContain("Input.RememberMachine", await client.GetStringAsync(secondStep), StringComparison.Ordinal);

        using var second = await client.PostFormAsync(secondStep, new() { ["Input.Code"] = Totp.Next(key), ["Input.RememberMachine"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.DoesNotContain(second.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("Identity.TwoFactorRememberMe=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("/Account/LoginWith2fa", await SignInAgainAsync(client, dpo.Email), StringComparison.Ordinal);
    }

    /// Signs in again with the password on the same browser; returns where the portal sends it next.
    private async Task<string> SignInAgainAsync(HttpClient client, string email)
    {
        using var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Portal.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return PortalHttp.PathOf(response.Headers.Location!);
    }

    private Task<int> LrOfficeAsync() => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());

    private Task<string?> StampAsync(string userId) => Portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private async Task ChangeRolesAsync(string userId, Role[] roles, int[] offices)
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var details = (await Portal.Get<GetUserHandler>().HandleAsync(admin, userId)).Value;
        var changed = await Portal.Get<ChangeUserHandler>().HandleAsync(admin,
            new UserChange(userId, details.ConcurrencyStamp, details.DisplayName, new UserAccess(roles, offices, [])));
        Assert.True(changed.IsSuccess, changed.Error?.Message);
    }

    /// An account of its own for each test (a password of its own, not a temporary one).
    private async Task<(string Id, string Email)> NewAccountAsync(Role role, int? office = null)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Test Person" };
        Assert.True((await users.CreateAsync(user, Portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role.ToString())).Succeeded);
        if (office is { } id)
        {
            await Portal.WithDbAsync(db =>
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = id });
                return db.SaveChangesAsync();
            });
        }

        return (user.Id, email);
    }

    private async Task<string> TurnOnTwoFactorAsync(string userId)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }
}
