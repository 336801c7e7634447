using Microsoft.AspNetCore.Components;

namespace Portal.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalOrHome(uri));

    /// An address of this portal, or its home page (issue 13, finding 9): a return address comes from the query string,
    /// so anyone can craft one. An absolute address of another host, "//host" and "/\host" (which browsers read as
    /// "//host"), a scheme such as "javascript:", or a backslash or control character anywhere, go home; they used to
    /// throw in ToBaseRelativePath (a 500).
    private string LocalOrHome(string? uri)
    {
        if (string.IsNullOrEmpty(uri) || uri.Any(c => c == '\\' || char.IsControl(c)))
        {
            return "";
        }

        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            return navigationManager.ToBaseRelativePath(uri);
        }

        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        var pathEnds = uri.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (pathEnds < 0 || colon < pathEnds);
        return Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.StartsWith("//", StringComparison.Ordinal) && !hasScheme ? uri : "";
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    // The page explains what to do; the user's ID means nothing to them, so it is not shown.
    public void RedirectToInvalidUser() => RedirectTo("Account/InvalidUser");
}
