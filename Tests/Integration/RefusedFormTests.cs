using System.Net;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// A post with a forged form token is refused with 400 and a sentence, and changes nothing: the scanners' probe
/// (docs/SECURITY.md) found sign-out answering 500, because the refusal was re-run through the error page.
public sealed class RefusedFormTests
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData("Account/Logout")]
    public async Task APostWithAForgedFormToken_Gets400AndASentence_AndNoSignIn(string path)
    {
        await using var portal = new PortalFactory(kestrel: true).InEnvironment("Staging");
        var fields = await Browser(portal).HiddenFieldsAsync("/Account/Login");
        fields["__RequestVerificationToken"] = "forged";
        fields["Input.Email"] = DemoAccounts.LrOfficer;
        fields["Input.Password"] = portal.DemoPassword;
        fields["returnUrl"] = string.Empty;

        // From elsewhere: a browser that never had the portal's antiforgery cookie.
        using var response = await Browser(portal).PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form was not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    private static HttpClient Browser(PortalFactory portal) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(portal.ServerAddress) };
}
