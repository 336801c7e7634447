using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 17, a deployment that is tested: the published portal (Staging: Production but for its refusal of the demo data the test signs in with) behind Debian's nginx with TLS, as
/// docs/DEPLOYMENT.md sets it up, started by scripts/proxied-portal.sh (from scripts/test.sh). A person signs in and
/// works a review through the proxy over the circuit's WebSocket; cookies are Secure, HSTS is sent, redirects and the
/// links in emails carry https and the portal's name; a Host not allowed is refused; forwarded headers from an address
/// that is not the proxy are ignored; the logs are JSON lines without the people's addresses. Every page it visits
/// passes axe (WCAG 2.2 A and AA).
public sealed partial class ProxiedPortalTests : IAsyncLifetime
{
    private const string Host = "portal.test";

    private readonly Uri _proxied = Required("PORTAL_PROXIED_URL");
    private readonly Uri _plainHttp = Required("PORTAL_PROXIED_HTTP_URL");
    private readonly Uri _direct = Required("PORTAL_PROXIED_DIRECT");
    private readonly MailDev _mail = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchAsync(_playwright, $"--host-resolver-rules=MAP {Host} 127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _mail.Dispose();
    }

    [Fact]
    public async Task ThroughNginx_SignIn_WorkAReview_InviteSomeone_OverWebSocket_WithSecureCookies_HstsAndHttpsLinks()
    {
        using var http = Client();

        // Redirects carry the scheme and name people use; HSTS is sent over HTTPS; plain HTTP goes to HTTPS.
        var signInFirst = await http.GetAsync(new Uri(_proxied, "reviews"));
        Assert.Equal(HttpStatusCode.Redirect, signInFirst.StatusCode);
        Assert.StartsWith($"{_proxied}Account/Login", signInFirst.Headers.Location!.ToString(), StringComparison.Ordinal);
        var signIn = await http.GetAsync(signInFirst.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Matches(@"max-age=\d{7,}", string.Join(";", signIn.Headers.GetValues("Strict-Transport-Security")));
        var plain = await http.GetAsync(new Uri(_plainHttp, "reviews"));
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal(new Uri(_proxied, "reviews"), plain.Headers.Location);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(_proxied, "metrics"))).StatusCode);

        await using var tab = await PortalPage.OpenAsync(_browser, _proxied.ToString());
        // The published portal's first pages through nginx (its static assets, the first circuit) came after Playwright's
        // 15 s once on a busy CI machine: this test allows 45.
        tab.Page.SetDefaultTimeout(45_000);
        var sockets = new List<IWebSocket>();
        tab.Page.WebSocket += (_, socket) => sockets.Add(socket);
        // Every page the test visits passes axe (WCAG 2.2 A and AA) as served by the published build through nginx.
        await tab.Page.GotoAsync("Account/Login");
        await tab.AssertAccessibleAsync();
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.AssertAccessibleAsync();

        // The interactive circuit runs over a WebSocket through nginx (no fallback to long polling).
        var circuit = Assert.Single(sockets, s => s.Url.StartsWith($"wss://{Host}:{_proxied.Port}/_blazor", StringComparison.Ordinal));
        Assert.False(circuit.IsClosed);
        var cookies = await tab.Page.Context.CookiesAsync();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.True(c.Secure, $"cookie {c.Name} is not Secure"));
        var auth = Assert.Single(cookies, c => c.Name == "portal.auth");
        Assert.True(auth.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, auth.SameSite);

        // Work a review: register a notification, then present it to the CRG.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        var label = $"Case Proxy {Guid.NewGuid().ToString("N")[..6]}";
        await tab.GotoAsync("reviews/new");
        await tab.AssertAccessibleAsync();
        await tab.ChooseAsync("notifying-agency", "Leicestershire Police");
        await tab.Page.Locator("#date-notified").FillAsync(today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await tab.ChooseAsync("death-month", today.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture));
        await tab.Page.Locator("#death-year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await tab.ChooseAsync("lead-csp", "Rutland CSP");
        await tab.Page.Locator("#case-label").FillAsync(label);
        await tab.Page.Locator("#summary").FillAsync("Registered through the proxy.");
        await tab.Page.Locator("#save-notification").ClickAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.StartsWith($"{_proxied}reviews/", tab.Page.Url, StringComparison.Ordinal);
        await Expect(tab.Page.Locator("#process-stage dd").First).ToHaveTextAsync("Notification received");
        await tab.Page.Locator("#open-PresentToCrg").ClickAsync();
        await tab.Page.Locator("#action-submit").ClickAsync();
        await Expect(tab.Page.Locator("#process-stage dd").First).ToHaveTextAsync("Awaiting CRG decision");
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);

        // Invite an author: the email (sent by the job server within a minute) links to https://portal.test:port.
        var email = $"author.{Guid.NewGuid():N}@invited.example.org";
        await tab.GotoAsync("people/invite");
        await tab.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Pat Proxy");
        await tab.Page.GetByLabel("Email address").FillAsync(email);
        await tab.Page.GetByLabel("Independent chair/author").CheckAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(tab.Page.Locator("#invitation-sent")).ToContainTextAsync(email);
        await tab.AssertAccessibleAsync();

        // Straight to the portal, not through the proxy: forwarded headers are not believed, a foreign Host is refused.
        using (var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(_direct, "reviews")))
        {
            forged.Headers.Host = Host;
            forged.Headers.Add("X-Forwarded-Proto", "https");
            forged.Headers.Add("X-Forwarded-For", "203.0.113.9");
            var response = await http.SendAsync(forged);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"http://{Host}/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            using var signInPage = new HttpRequestMessage(HttpMethod.Get, new Uri(_direct, "Account/Login"));
            signInPage.Headers.Host = Host;
            signInPage.Headers.Add("X-Forwarded-Proto", "https");
            Assert.False((await http.SendAsync(signInPage)).Headers.Contains("Strict-Transport-Security"));
        }

        using (var foreign = new HttpRequestMessage(HttpMethod.Get, new Uri(_direct, "Account/Login")))
        {
            foreign.Headers.Host = "portal.attacker.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(foreign)).StatusCode);
        }

        using (var foreignViaProxy = new HttpRequestMessage(HttpMethod.Get, new Uri(_proxied, "Account/Login")))
        {
            foreignViaProxy.Headers.Host = "portal.attacker.example";
            await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(foreignViaProxy)); // nginx closes it (444)
        }

        var received = Assert.Single(await _mail.WaitForAsync(email, timeout: TimeSpan.FromSeconds(100)));
        var link = LinkPattern().Match(received.Text!).Value;
        Assert.StartsWith($"{_proxied}Account/AcceptInvitation?token=", link, StringComparison.Ordinal);
        await using var invited = await PortalPage.OpenAsync(_browser, _proxied.ToString());
        await invited.Page.GotoAsync(link);
        await Expect(invited.Page.GetByRole(AriaRole.Heading, new() { Name = "Set your password", Level = 1 })).ToBeVisibleAsync();
        await invited.AssertAccessibleAsync();

        // Logging:Format=Json: one JSON object a line, and never the invited person's address.
        var log = await File.ReadAllLinesAsync(Required("PORTAL_PROXIED_LOG").LocalPath);
        Assert.NotEmpty(log);
        Assert.All(log.Where(l => l.Length > 0), line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.DoesNotContain(log, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    /// HTTP straight to nginx or the portal: portal.test is 127.0.0.1, the test's own self-signed certificate is
    /// trusted (and no other), no redirects followed, no cookies kept.
    private static HttpClient Client() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString()
                == System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Required("PORTAL_PROXIED_CERT").LocalPath)).GetCertHashString(),
        },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { Timeout = TimeSpan.FromSeconds(30) };

    private static Uri Required(string variable) => new(Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the tests with scripts/test.sh, which starts the published portal behind nginx (scripts/proxied-portal.sh)."));

    [GeneratedRegex(@"https://\S+/Account/AcceptInvitation\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
