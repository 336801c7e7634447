namespace Portal;

/// What every endpoint that sends a file (an export, a download, a template) shares.
internal static class Downloads
{
    /// Cache-Control: no-store, so that neither the browser (a shared computer) nor a proxy keeps a copy of the file.
    public static RouteHandlerBuilder NoStore(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter(async (context, next) =>
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    });
}
