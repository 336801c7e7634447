using Infrastructure.Data;
using Infrastructure.Jobs;
using Infrastructure.Seeding;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Json;
using MudBlazor.Services;
using Portal.Components.Account;
using System.Security.Claims;
using Workflows.Access;
using Workflows.Accounts;
using Workflows.Audit;
using Workflows.Data;

namespace Portal;

public static class PortalSetup
{
    /// The repository-root appsettings.json (linked into the output folder) as the lowest-priority source:
    /// environment variables and the command line still override it.
    public static void AddPortalSettings(this ConfigurationManager configuration)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new JsonConfigurationSource { Path = Path.GetFileName(file), Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        source.FileProvider ??= new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory);
        configuration.Sources.Insert(0, source);
    }

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Security headers go on every response: the outermost middleware of all (before host filtering, and before the
        // authentication WebApplication puts first, whose sign-in redirect and refusals would otherwise go without them).
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeaders.First>());
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<OpenCircuits>();
        services.AddSingleton<IOpenSessions>(sp => sp.GetRequiredService<OpenCircuits>());
        services.AddScoped<CircuitHandler, TrackedCircuit>();
        services.AddScoped<CurrentActor>();
        services.AddTransient<Portal.Components.Shared.CommandRunner>();
        services.AddScoped<Portal.Features.Work.WorkQueueEvents>();

        services.AddScoped<SignInManager<PortalUser>, PortalSignInManager>();

        // A TimeSpan ("00:05:00"), so that a test can end sessions within seconds.
        var revalidate = configuration.GetValue("Security:SessionRevalidation", TimeSpan.FromMinutes(5));
        services.AddSingleton(new SessionRevalidation(revalidate));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidate);
        // A TimeSpan too; zero keeps idle tabs' circuits (js/idle-circuit.js releases them).
        services.AddSingleton(new IdleCircuits(configuration.GetValue("Portal:IdleCircuitTimeout", TimeSpan.FromMinutes(30))));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        var secure = configuration.GetValue("Security:RequireHttpsCookies", false)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                await AuditRefusedPageAsync(context.HttpContext);
                context.Response.Redirect(context.RedirectUri);
            };
        });
        // "Do not ask for a code on this device": for Security:RememberDeviceDays, and only for some roles (PortalSignInManager).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme).Configure<TwoFactorPolicy>((o, policy) =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = policy.RememberDeviceFor;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthorization();
        services.AddSignInRateLimits(configuration);
        return services;
    }

    /// A page the user's roles do not allow is a refused access too: record who asked for which address, and which
    /// review when the address names one (so the DPO's search by case finds it).
    private static async Task AuditRefusedPageAsync(HttpContext http)
    {
        var services = http.RequestServices;
        await using var db = await services.GetRequiredService<IReviewDbFactory>().CreateAsync(http.RequestAborted);
        var actor = await http.ActorAsync();
        await services.GetRequiredService<AuditLog>().RefusedAsync(db, actor, "Page", null, ReviewIdOf(http), "open " + http.Request.Path,
            http.RequestAborted);
    }

    /// The review a page's address names: /reviews/{Id}/... and /panels/{ReviewId}/...
    private static int? ReviewIdOf(HttpContext http)
    {
        var values = http.Request.RouteValues;
        var value = values.TryGetValue("ReviewId", out var v) ? v
            : http.Request.Path.StartsWithSegments("/reviews", StringComparison.OrdinalIgnoreCase) && values.TryGetValue("Id", out v) ? v
            : null;
        return int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var id) ? id : null;
    }

    /// Creates or migrates the database, and shows a demo data set this start made (its accounts and password) once, on
    /// the console. False, with the reason on standard error, where the portal must not start as configured.
    public static async Task<bool> InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            if (await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync() is { } demo)
            {
                DemoAnnouncement.Write(Console.Out, demo);
            }

            return true;
        }
        catch (StartRefusedException refused)
        {
            await Console.Error.WriteLineAsync("The portal did not start: " + refused.Message);
            return false;
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSignInRateLimits();
        app.UseAccountRequirements();
        app.UseAntiforgery();
        app.UseRefusedFormAnswer();
        app.MapJobsDashboard();
        return app;
    }
}

public sealed record SessionRevalidation(TimeSpan Interval);

internal static class RefusedForms
{
    /// A post whose form token is missing or forged gets 400 and a sentence, here, before any endpoint: left to the
    /// endpoints, the refusal was re-run through the error page as the same post, which refused it again with a 500.
    public static void UseRefusedFormAnswer(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This form was not accepted: it has expired or did not come from the portal. Go back, reload the page and try again.");
            return;
        }

        await next(context);
    });
}

/// Portal:IdleCircuitTimeout: how long a tab nobody touches keeps its circuit before it is released (zero: never).
public sealed record IdleCircuits(TimeSpan Timeout);
