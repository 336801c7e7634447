// The benchmark stands in for the server's own renderer, which is built on these types (Renderer, RenderBatch).
#pragma warning disable BL0006

using System.Security.Claims;
using Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;
using Portal.Features.Work;
using Workflows.Data;
using Workflows.WorkItems;

namespace Portal.Benchmarks;

/// The team-queue page (/work/team) as an interactive server circuit builds it, without bUnit: Blazor's own Renderer
/// (the base class of the server's renderer) renders the layout's popover provider, the menu's WorkNav and the page's
/// QueueView in a fresh service scope, as a new circuit does, with the real handlers on the benchmark database. Each
/// render batch is walked as the server walks it to send it (every frame, and the length of each string).
/// RenderAsync (timed) ends when a batch holds the grid's rows and the menu's counts have loaded; CloseAsync (not
/// timed) disposes the circuit. What it leaves out is the SignalR send itself and the browser.
///
/// Until session 4 bUnit rendered the page here. bUnit keeps the HTML of the whole page and rebuilds it after every
/// component's render (about 84,000 characters each time for this page): about 7 MB of garbage a page load against
/// 3 MB here, and the full collections it caused fell on the other probes too (docs/BENCHMARKS.md, session 4).
public sealed class TeamQueueCircuit(BenchHost host) : IAsyncDisposable
{
    private readonly ServiceProvider _services = Services(host);
    private AsyncServiceScope _scope;
    private CircuitRenderer? _renderer;

    private static ServiceProvider Services(BenchHost host)
    {
        var services = new ServiceCollection();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddAuthorizationCore();
        services.AddLogging();
        foreach (var type in new[] { typeof(IReviewDbFactory), typeof(WorkQueueQuery), typeof(WorkItemCommands) })
        {
            services.AddSingleton(type, _ => host.Get(type));
        }

        services.AddScoped<CurrentActor>();
        services.AddTransient<Portal.Components.Shared.CommandRunner>();
        services.AddScoped<WorkQueueEvents>();
        services.AddScoped<SignedIn>();
        services.AddScoped<AuthenticationStateProvider>(s => s.GetRequiredService<SignedIn>());
        services.AddScoped<NavigationManager, TeamQueueAddress>();
        services.AddScoped<IJSRuntime, NoBrowser>();
        return services.BuildServiceProvider();
    }

    /// Opens the page for this officer in a new circuit, until its first page of rows and the menu's counts are sent.
    public async Task RenderAsync(Actor officer)
    {
        _scope = _services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<SignedIn>().User = officer.UserId;
        _renderer = new CircuitRenderer(_scope.ServiceProvider);
        await _renderer.OpenAsync();
    }

    /// The number of rows the page sent (25, a full first page); then the circuit is closed.
    public async Task<int> CloseAsync()
    {
        var rows = _renderer?.Rows ?? 0;
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }

        await _scope.DisposeAsync();
        return rows;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// The layout's part of the page: the signed-in person (loaded once, as Routes does), the popover provider, the
    /// menu's work counts, and the page.
    private sealed class TeamQueueLayout : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<CascadingAuthenticationState>(0);
            builder.AddComponentParameter(1, nameof(CascadingAuthenticationState.ChildContent), (RenderFragment)(person =>
            {
                person.OpenComponent<Portal.Components.SignedInPerson>(0);
                person.AddComponentParameter(1, nameof(Portal.Components.SignedInPerson.ChildContent), (RenderFragment)(b =>
                {
                    b.OpenComponent<MudPopoverProvider>(0);
                    b.CloseComponent();
                    b.OpenComponent<WorkNav>(1);
                    b.CloseComponent();
                    b.OpenComponent<QueueView>(2);
                    b.AddComponentParameter(3, nameof(QueueView.Queue), WorkQueue.Team);
                    b.CloseComponent();
                }));
                person.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    private sealed class CircuitRenderer(IServiceProvider services) : Renderer(services, NullLoggerFactory.Instance)
    {
        /// The start of a count's class in the menu once the counts have loaded (WorkNav's CountClass; "d-none" before).
        private const string CountShown = "ml-auto pl-2 pr-2 rounded";

        private readonly TaskCompletionSource _shown = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _rowsSent;
        private bool _countsSent;

        public int Rows { get; private set; }

        /// Characters of text the batches carried: read so that every string is touched, as sending them does.
        public long Characters { get; private set; }

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        /// What the server's renderer tells components: interactive, on the server.
        protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);

        public async Task OpenAsync()
        {
            await Dispatcher.InvokeAsync(async () =>
            {
                var id = AssignRootComponentId(InstantiateComponent(typeof(TeamQueueLayout)));
                await RenderRootComponentAsync(id, ParameterView.Empty);
            });
            await _shown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        protected override void HandleException(Exception exception) => _shown.TrySetException(exception);

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            var frames = batch.ReferenceFrames;
            var claims = new HashSet<string>();
            for (var i = 0; i < frames.Count; i++)
            {
                ref var frame = ref frames.Array[i];
                switch (frame.FrameType)
                {
                    case RenderTreeFrameType.Text or RenderTreeFrameType.Markup:
                        Characters += frame.TextContent.Length;
                        break;
                    case RenderTreeFrameType.Element:
                        Characters += frame.ElementName.Length;
                        break;
                    case RenderTreeFrameType.Attribute:
                        Characters += frame.AttributeName.Length + (frame.AttributeValue as string)?.Length ?? 0;
                        // A row's claim button, by its label: a batch can hold a component's frames more than once.
                        if (frame.AttributeName == "aria-label" && frame.AttributeValue is string label && label.StartsWith("Claim ", StringComparison.Ordinal))
                        {
                            claims.Add(label);
                        }
                        else if (frame.AttributeName == "class" && frame.AttributeValue is string css && css.StartsWith(CountShown, StringComparison.Ordinal))
                        {
                            _countsSent = true;
                        }

                        break;
                }
            }

            if (claims.Count > 0)
            {
                (Rows, _rowsSent) = (Math.Max(Rows, claims.Count), true);
            }

            if (_rowsSent && _countsSent)
            {
                _shown.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }

    private sealed class SignedIn : AuthenticationStateProvider
    {
        public string User { get; set; } = "";

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, User)], "bench"))));
    }

    private sealed class TeamQueueAddress : NavigationManager
    {
        public TeamQueueAddress() => Initialize("http://portal.local/", "http://portal.local/work/team");

        protected override void NavigateToCore(string uri, NavigationOptions options) => throw new NotSupportedException();
    }

    /// The browser's side of JavaScript interop: each call returns at once, with no value (as bUnit's loose mode does).
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}
