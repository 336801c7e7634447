using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using Portal.Testing;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Reviews;
using Workflows.Time;
using Workflows.WorkItems;

namespace Portal.Components.Tests;

/// bUnit with MudBlazor, the real handlers and a real SQLite database (the portal's own, seeded with demo data).
public abstract class ComponentContext : BunitContext, IAsyncLifetime
{
    protected PortalFactory Portal { get; } = new();

    protected ComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        foreach (var type in new[] { typeof(IReviewDbFactory), typeof(BusinessClock), typeof(AuditLog), typeof(ReviewRegisterQuery), typeof(ReviewLookups), typeof(RegisterNotificationHandler), typeof(GetReviewHandler),
            typeof(WorkQueueQuery), typeof(WorkItemCommands), typeof(AssignableStaffQuery),
            typeof(Workflows.Elsewhere.ReviewsLedElsewhereQuery) })
        {
            Services.AddSingleton(type, _ => Portal.Services.GetRequiredService(type));
        }

        Services.AddScoped<CurrentActor>();
        Services.AddTransient<Portal.Components.Shared.CommandRunner>();
        Services.AddScoped<Portal.Features.Work.WorkQueueEvents>();
    }

    /// Signs the test user in as a demo account (the id claim is what CurrentActor reads).
    protected async Task SignInAsync(string email)
    {
        var actor = await Portal.ActorAsync(email);
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(actor.Roles.Select(r => r.ToString()).ToArray());
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId));
    }

    /// MudSelect and MudDatePicker need the popover provider in the render tree; every page takes the signed-in
    /// person from SignedInPerson, as under Routes.
    protected IRenderedComponent<T> RenderWithProviders<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", true));
        Render<MudPopoverProvider>();
        var person = Render<SignedInPerson>(p => p.AddChildContent(parameters ?? (_ => { })));
        person.WaitForState(() => person.FindComponents<T>().Count > 0, TimeSpan.FromSeconds(10));
        return person.FindComponent<T>();
    }

    /// Every handler the pages and their sections use, as the portal registers them.
    protected void UsePortalHandlers() => Services.AddFallbackServiceProvider(new PortalHandlers(Portal));

    /// The portal's own services of the Workflows project (handlers, queries, the clock); the rest are bUnit's.
    private sealed class PortalHandlers(PortalFactory portal) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType.Assembly == typeof(BusinessClock).Assembly ? portal.Services.GetService(serviceType) : null;
    }

    /// The page in the portal's layout, as Routes renders it for a circuit.
    protected IRenderedComponent<SignedInPerson> OpenInLayout<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", true));
        return Render<SignedInPerson>(p => p.AddChildContent<LayoutView>(layout => layout
            .Add(l => l.Layout, typeof(Portal.Components.Layout.MainLayout))
            .AddChildContent(parameters ?? (_ => { }))));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
