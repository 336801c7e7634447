namespace Portal;

internal static class SecurityHeaders
{
    /// Adds the headers before anything else in the pipeline runs (PortalSetup.AddPortal registers it first).
    internal sealed class First : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders(Policy());
            next(app);
        };
    }

    /// CSP with no inline script; MudBlazor needs inline styles. frame-ancestors 'none' stops framing (clickjacking).
    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyNoReferrer()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .RemoveServerHeader()
        .AddPermissionsPolicy(b =>
        {
            b.AddCamera().None();
            b.AddMicrophone().None();
            b.AddGeolocation().None();
        })
        .AddContentSecurityPolicy(b =>
        {
            b.AddDefaultSrc().Self();
            b.AddScriptSrc().Self();
            b.AddStyleSrc().Self().UnsafeInline();
            b.AddImgSrc().Self().Data();
            b.AddFontSrc().Self().Data();
            b.AddConnectSrc().Self();
            b.AddFormAction().Self();
            b.AddFrameAncestors().None();
            b.AddBaseUri().Self();
            b.AddObjectSrc().None();
        });
}
