using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Portal.Testing;

/// A person's browser in the simplest form: an HttpClient that keeps its cookies and does not follow redirects,
/// posting the portal's static forms as they are (antiforgery token and all).
public static partial class PortalHttp
{
    public static HttpClient Client(this PortalFactory portal) => portal.CreateClient(new() { AllowAutoRedirect = false });

    /// Signs in through the real sign-in form (password step only); the client keeps the cookie.
    public static async Task<HttpClient> SignedInClientAsync(this PortalFactory portal, string email, string? password = null)
    {
        var client = portal.Client();
        using var response = await client.PostFormAsync("/Account/Login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password ?? portal.DemoPassword,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}.");
        return client;
    }

    /// Signs in with the password, then the code of the authenticator app whose key is given (the step after now's,
    /// as a phone a little ahead would show, so that a code used a moment ago for the same account is not repeated).
    public static async Task<HttpClient> SignedInClientAsync(this PortalFactory portal, string email, string password, string authenticatorKey,
        bool rememberDevice = false)
    {
        var client = portal.Client();
        using var first = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(first.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)first.StatusCode}.");
        var secondStep = PathOf(first.Headers.Location!);
        Assert.StartsWith("/Account/LoginWith2fa", secondStep, StringComparison.Ordinal);
        using var second = await client.PostFormAsync(secondStep, new()
        {
            ["Input.Code"] = Totp.Next(authenticatorKey),
            ["Input.RememberMachine"] = rememberDevice ? "true" : "false",
        });
        Assert.True(second.StatusCode == HttpStatusCode.Redirect && !PathOf(second.Headers.Location!).StartsWith("/Account/", StringComparison.Ordinal),
            $"The code for {email} answered {(int)second.StatusCode} {second.Headers.Location}.");
        return client;
    }

    /// The path and query of a redirect, whether the portal sent it absolute or relative.
    public static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/');

    /// GETs the form page, then posts its hidden fields (antiforgery, the form's name) with the given values.
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> values)
    {
        var fields = await client.HiddenFieldsAsync(path);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        return await client.PostAsync(new Uri(path.TrimStart('/'), UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// The hidden fields (antiforgery token, form name) of the page at path, as the browser would post them.
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(this HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return HiddenInput().Matches(page)
            .GroupBy(m => WebUtility.HtmlDecode(m.Groups["name"].Value))
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
