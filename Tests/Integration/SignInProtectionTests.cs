using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Testing;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// Sign-in tells a stranger nothing and cannot be hammered (issue 13, finding 9): the same answer and the same hashing
/// work for an unknown address, a wrong password and a locked account; posts limited per address (behind the proxy,
/// the forwarded one) and per account; a return address elsewhere goes home.
public sealed partial class SignInProtectionTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public async Task SignIn_UnknownAddressWrongPasswordAndLockedAccount_SayTheSame_AndEachHashesThePasswordOnce()
    {
        var hashes = new HashCount();
        await using var portal = new PortalFactory().WithServices(s =>
        {
            s.AddSingleton(hashes);
            s.AddScoped<IPasswordHasher<PortalUser>, CountingHasher>();
        });
        var client = portal.Client();

        async Task<string> RefusedAsync(string email, string password)
        {
            var before = hashes.Verified;
            using var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, hashes.Verified - before);
            return LoginError().Match(await response.Content.ReadAsStringAsync()).Groups["text"].Value;
        }

        var unknown = await RefusedAsync("nobody-here@lr.example.org", "Some-Password-1!");
        var wrong = await RefusedAsync(DemoAccounts.LrOfficer, "Some-Password-1!");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var officer = (await users.FindByEmailAsync(DemoAccounts.LrOfficer))!;
            Assert.True((await users.SetLockoutEndDateAsync(officer, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        }

        var locked = await RefusedAsync(DemoAccounts.LrOfficer, portal.DemoPassword);

        Assert.Contains("email address or password is not right", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
    }

    [Fact]
    public async Task SignInPosts_PastTheLimitForAnAddress_GetTooManyAttempts_WhileAnotherAddressBehindTheProxyDoesNot()
    {
        await using var portal = new PortalFactory(kestrel: true).LimitSignIns(perAddress: 3, perAccount: 0, Window);
        portal.Set("ForwardedHeaders:KnownProxies", "127.0.0.1");
        using var client = KestrelClient(portal);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await SignInFromAsync(client, "203.0.113.7", $"nobody-{i}@lr.example.org");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (var limited = await SignInFromAsync(client, "203.0.113.7", "someone-else@lr.example.org"))
        {
            await AssertTooManyAttemptsAsync(limited);
        }

        using var elsewhere = await SignInFromAsync(client, "203.0.113.8", DemoAccounts.LrOfficer, portal.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        // Pages other than the sign-in posts are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("Account/Login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignInPosts_PastTheLimitForAnAccount_GetTooManyAttempts_FromAnyAddress_AndOnTheTwoFactorSteps()
    {
        await using var portal = new PortalFactory(kestrel: true).LimitSignIns(perAddress: 0, perAccount: 3, Window);
        portal.Set("ForwardedHeaders:KnownProxies", "127.0.0.1");
        using var client = KestrelClient(portal);

        // An address with no account is limited as one with an account is; case and spaces make no other account.
        for (var i = 0; i < 3; i++)
        {
            using var refused = await SignInFromAsync(client, $"198.51.100.{i + 1}", i % 2 == 0 ? "Nobody@LR.example.org" : " nobody@lr.example.org ");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using (var limited = await SignInFromAsync(client, "198.51.100.9", "nobody@lr.example.org"))
        {
            await AssertTooManyAttemptsAsync(limited);
        }

        // The second step counts for the account the two-factor cookie names.
        var key = await TurnOnAuthenticatorAsync(portal, DemoAccounts.LrManager);
        using (var password = await SignInFromAsync(client, "198.51.100.20", DemoAccounts.LrManager, portal.DemoPassword))
        {
            Assert.StartsWith("/Account/LoginWith2fa", PortalHttp.PathOf(password.Headers.Location!), StringComparison.Ordinal);
        }

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.PostFormAsync("/Account/LoginWith2fa", new() { ["Input.Code"] = Totp.Wrong(key) });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var code = await client.PostFormAsync("/Account/LoginWith2fa", new() { ["Input.Code"] = Totp.Next(key) }))
        {
            await AssertTooManyAttemptsAsync(code);
        }

        using var recovery = await client.PostFormAsync("/Account/LoginWithRecoveryCode", new() { ["Input.RecoveryCode"] = "AAAAA-AAAAA" });
        await AssertTooManyAttemptsAsync(recovery);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://localhost.evil.example/")]
    [InlineData("/\t/evil.example/")]
    public async Task SignIn_WithAReturnAddressElsewhere_GoesHome(string returnUrl)
    {
        await using var portal = new PortalFactory();
        var client = portal.Client();

        using var response = await client.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["Input.Email"] = DemoAccounts.LrOfficer, ["Input.Password"] = portal.DemoPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", PortalHttp.PathOf(response.Headers.Location!));
        Assert.True(!response.Headers.Location!.IsAbsoluteUri || response.Headers.Location.Host == "localhost", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task SignIn_WithAReturnAddressOfThePortal_GoesThere()
    {
        await using var portal = new PortalFactory();
        var client = portal.Client();

        using var relative = await client.PostFormAsync("/Account/Login?ReturnUrl=%2Freviews%3Fstage%3DOpen",
            new() { ["Input.Email"] = DemoAccounts.LrOfficer, ["Input.Password"] = portal.DemoPassword });
        Assert.Equal("/reviews?stage=Open", PortalHttp.PathOf(relative.Headers.Location!));

        var other = portal.Client();
        using var absolute = await other.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString("http://localhost/actions")}",
            new() { ["Input.Email"] = DemoAccounts.LrOfficer, ["Input.Password"] = portal.DemoPassword });
        Assert.Equal("/actions", PortalHttp.PathOf(absolute.Headers.Location!));
    }

    private static async Task AssertTooManyAttemptsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused post says when to try again (Retry-After).");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many attempts</h1>", page, StringComparison.Ordinal);
        Assert.Contains("and try again", page, StringComparison.Ordinal);
    }

    /// A browser at the given address behind the proxy (the test's loopback connection is the configured proxy).
    private static Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string address, string email, string password = "Not-The-Password-1!")
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    private static HttpClient KestrelClient(PortalFactory portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(portal.ServerAddress) };

    private static async Task<string> TurnOnAuthenticatorAsync(PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    [GeneratedRegex("id=\"login-error\">(?<text>[^<]*)<")]
    private static partial Regex LoginError();

    private sealed class HashCount
    {
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public void Add() => Interlocked.Increment(ref _verified);
    }

    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options, HashCount count) : PasswordHasher<PortalUser>(options)
    {
        public override PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            count.Add();
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
