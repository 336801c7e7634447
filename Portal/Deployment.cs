using Microsoft.AspNetCore.HttpOverrides;

namespace Portal;

/// The portal behind a reverse proxy (docs/DEPLOYMENT.md): X-Forwarded-For and X-Forwarded-Proto are believed only
/// from the proxies named in ForwardedHeaders:KnownProxies / KnownNetworks (none by default: then they are ignored,
/// so nobody can claim to be on HTTPS or at another address by sending the header). The Host header is checked against
/// AllowedHosts by ASP.NET Core's host filtering before anything else runs.
internal static class Deployment
{
    public static void AddDeployment(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Browsers that saw the portal over HTTPS refuse plain HTTP to it for a year (Production, HTTPS requests only).
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var proxies = NetworkList.Parse(configuration["ForwardedHeaders:KnownProxies"], "ForwardedHeaders:KnownProxies")
            .Concat(NetworkList.Parse(configuration["ForwardedHeaders:KnownNetworks"], "ForwardedHeaders:KnownNetworks"))
            .ToList();
        if (proxies.Count == 0)
        {
            return;
        }

        // First of all, before authentication (which WebApplication puts at the start of the pipeline) builds a
        // redirect to the sign-in page from the request's scheme.
        builder.Services.AddTransient<IStartupFilter, TrustedProxiesFirst>();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownIPNetworks.Add);
        });
    }

    private sealed class TrustedProxiesFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
