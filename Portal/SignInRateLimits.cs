using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal;

/// Sign-in, two-factor and recovery-code posts are limited per client address and per account (issue 13, finding 9):
/// 57 rapid sign-ins met no limit, and lockout alone lets anyone lock any account again and again. ASP.NET Core's rate
/// limiter counts posts in fixed windows (Security:SignInAttemptWindow) per address (Security:SignInAttemptsPerAddress;
/// behind the proxies of ForwardedHeaders:KnownProxies, the address they forward) and per account
/// (Security:SignInAttemptsPerAccount: the email address posted to the sign-in page, the account of the two-factor
/// cookie on the second step); 0 turns either off. Past a limit the answer is 429 with a page that says when to try again.
internal static class SignInRateLimits
{
    private static readonly string[] LimitedPaths = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    /// Where the account a post is for is kept for the limiter, which cannot read the form or a cookie itself.
    private const string AccountItem = "SignInRateLimits.Account";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("Security:SignInAttemptsPerAddress", 50);
        var perAccount = configuration.GetValue("Security:SignInAttemptsPerAccount", 10);
        var window = configuration.GetValue("Security:SignInAttemptWindow", TimeSpan.FromMinutes(5));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(IsLimited(http) ? "address " + AddressOf(http) : null, perAddress, window)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http.Items[AccountItem] as string, perAccount, window)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancel) => TooManyAttemptsAsync(context, window, cancel);
        });
        return services;
    }

    /// After the forwarded headers (a startup filter puts them first) and before the pages.
    public static IApplicationBuilder UseSignInRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsLimited(http) && await AccountOfAsync(http) is { } account)
            {
                http.Items[AccountItem] = account;
            }

            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static bool IsLimited(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && LimitedPaths.Any(p => string.Equals(p, PathOf(http), StringComparison.OrdinalIgnoreCase));

    private static string? PathOf(HttpContext http) => http.Request.Path.Value?.TrimEnd('/');

    private static RateLimitPartition<string> Partition(string? key, int permits, TimeSpan window) =>
        key is null || permits <= 0
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });

    /// An IPv6 client usually holds a whole /64: it counts as one address.
    private static string AddressOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// The email address posted to the sign-in page (as Identity normalises it), or the account the two-factor cookie
    /// names on the second step; null when the post names none.
    private static async Task<string?> AccountOfAsync(HttpContext http)
    {
        if (string.Equals(PathOf(http), LimitedPaths[0], StringComparison.OrdinalIgnoreCase))
        {
            if (!http.Request.HasFormContentType)
            {
                return null;
            }

            try
            {
                // Read once and kept by the request: the page reads the same form.
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var email = form["Input.Email"].ToString().Trim();
                return email.Length == 0 ? null : "email " + email.ToUpperInvariant();
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        var secondStep = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return secondStep.Principal?.FindFirstValue(ClaimTypes.Name) is { } id ? "account " + id : null;
    }

    private static async ValueTask TooManyAttemptsAsync(OnRejectedContext context, TimeSpan window, CancellationToken cancel)
    {
        var response = context.HttpContext.Response;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(TooManyAttemptsPage(minutes), cancel);
    }

    /// Plain HTML in the account pages' look: the limiter answers before any page runs.
    private static string TooManyAttemptsPage(int minutes) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <base href="/" />
            <title>Too many attempts - Review Portal</title>
            <link rel="stylesheet" href="lib/bootstrap/dist/css/bootstrap.min.css" />
            <link rel="stylesheet" href="app.css" />
        </head>
        <body>
            <header class="account-header"><a href="" class="account-brand">Review Portal</a></header>
            <main class="account-main container">
                <h1>Too many attempts</h1>
                <p class="text-danger" role="alert" id="too-many-attempts">
                    There have been too many attempts to sign in from your network or for this account, so signing in is
                    paused for a while to keep accounts safe. Wait {{minutes}} {{(minutes == 1 ? "minute" : "minutes")}} and try again.
                </p>
                <p>If you have forgotten your password, ask your administrator to set a temporary one.</p>
                <p><a href="Account/Login">Back to sign in</a></p>
            </main>
        </body>
        </html>
        """;
}
