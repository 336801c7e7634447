using System.Security.Claims;
using Bunit;
using Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Features.Work;
using Workflows.Data;
using Workflows.WorkItems;

namespace Portal.Benchmarks;

/// The team-queue page (/work/team) as the interactive circuit builds it on the server: bUnit renders the portal's own
/// QueueView (all the page holds) and the menu's WorkNav with its five counts, with the real handlers on the benchmark
/// database, signed in as an officer. RenderAsync (timed) renders both and waits until the grid shows its rows and the
/// counts are in; CloseAsync (not timed) checks the rows and disposes the components. This is everything the server
/// does for a page load except sending the render batches over SignalR. bUnit adds a little of its own: it keeps
/// each component's render tree, and the wait reads the markup text after each render.
public sealed class TeamQueuePage : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public TeamQueuePage(BenchHost host)
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        foreach (var type in new[] { typeof(IReviewDbFactory), typeof(WorkQueueQuery), typeof(WorkItemCommands) })
        {
            _ctx.Services.AddSingleton(type, _ => host.Get(type));
        }

        _ctx.Services.AddScoped<CurrentActor>();
        _ctx.Services.AddScoped<WorkQueueEvents>();
        _auth = _ctx.AddAuthorization();
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        _ctx.Render<MudPopoverProvider>();
    }

    private IRenderedComponent<QueueView>? _page;

    /// Renders the page for this officer, until its first page of rows and the menu's counts show.
    public void Render(Actor officer)
    {
        _auth.SetAuthorized(officer.UserId);
        _auth.SetRoles(officer.Roles.Select(r => r.ToString()).ToArray());
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, officer.UserId));
        var nav = _ctx.Render<WorkNav>();
        var page = _ctx.Render<QueueView>(p => p.Add(q => q.Queue, WorkQueue.Team));
        _page = page;
        // Markup text, not the parsed DOM, is checked while waiting: parsing the grid's HTML on every render would be
        // bUnit's cost, not the portal's.
        page.WaitForState(() => page.Markup.Contains("data-action=\"claim\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        nav.WaitForState(() => !nav.Markup.Contains("d-none", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    /// The number of rows the page showed (25, a full first page); then the page and menu are disposed.
    public async Task<int> CloseAsync()
    {
        var rows = _page?.FindAll("#work-queue tbody tr").Count ?? 0;
        await _ctx.DisposeComponentsAsync();
        _ctx.Render<MudPopoverProvider>();
        return rows;
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
