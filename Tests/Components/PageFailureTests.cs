using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Work;
using Portal.Testing;
using Workflows.Data;
using Workflows.Time;
using Workflows.WorkItems;

namespace Portal.Components.Tests;

/// What a person sees when the database does not answer in time (at 100 people on PostgreSQL, opening a connection
/// timed out; docs/DEPLOYMENT.md "Sizing"). Before, a page's load or the menu's counts failing ended the whole circuit:
/// the page went blank with "Something went wrong. Reload the page".
public sealed class PageFailureTests : ComponentContext
{
    private readonly SometimesUnreachable _database;

    public PageFailureTests()
    {
        UsePortalHandlers();
        _database = new SometimesUnreachable(Portal.Services.GetRequiredService<IReviewDbFactory>());
        Services.AddSingleton(new WorkQueueQuery(_database, Portal.Services.GetRequiredService<BusinessClock>()));
    }

    [Fact]
    public async Task APageThatFailsToLoad_SaysSoInThePage_KeepsTheMenu_AndTryAgainShowsIt()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var failures = new Failures(1);

        var cut = OpenInLayout<FlakyPage>(p => p.Add(f => f.Failures, failures));

        cut.WaitForAssertion(() => Assert.Contains("could not be shown", cut.Find("#page-error").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-count='work/team']"), c => c.TextContent.Trim().Length > 0), TimeSpan.FromSeconds(30));
        Assert.False(Renderer.UnhandledException.IsCompleted, "the failure reached the renderer, which ends a real circuit");

        await cut.InvokeAsync(() => cut.Find("#page-error-retry").Click());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#flaky-loaded")), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("#page-error"));
        Assert.False(Renderer.UnhandledException.IsCompleted);
    }

    [Fact]
    public async Task TheMenusCounts_WhenTheDatabaseDoesNotAnswer_StayAsTheyWere_AndThePageGoesOn()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = OpenInLayout<FlakyPage>(p => p.Add(f => f.Failures, new Failures(0)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#flaky-loaded")), TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-count='work/team']"), c => c.TextContent.Trim().Length > 0), TimeSpan.FromSeconds(30));
        var shown = cut.Find("[data-count='work/team']").TextContent.Trim();
        var menu = cut.FindComponent<WorkNav>();
        var rendersBefore = menu.RenderCount;

        _database.Down = true;
        // A task changed elsewhere on the page (a claim): the menu counts again, and the database does not answer.
        await cut.InvokeAsync(() => Services.GetRequiredService<WorkQueueEvents>().NotifyChanged());

        cut.WaitForAssertion(() => Assert.True(_database.Refused > 0 && (menu.RenderCount > rendersBefore || Renderer.UnhandledException.IsCompleted)),
            TimeSpan.FromSeconds(30));
        Assert.False(Renderer.UnhandledException.IsCompleted, "the failed count reached the renderer, which ends a real circuit");
        Assert.Equal(shown, cut.Find("[data-count='work/team']").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("#flaky-loaded"));
    }

    /// The database as a loaded server answers when it does not: opening a connection times out.
    private sealed class SometimesUnreachable(IReviewDbFactory real) : IReviewDbFactory
    {
        private int _refused;

        public volatile bool Down;

        public int Refused => Volatile.Read(ref _refused);

        public Task<IReviewDb> CreateAsync(CancellationToken cancellationToken = default)
        {
            if (!Down)
            {
                return real.CreateAsync(cancellationToken);
            }

            Interlocked.Increment(ref _refused);
            throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
                new TimeoutException("The operation has timed out."));
        }
    }

    public sealed class Failures(int count)
    {
        public int Left { get; set; } = count;
    }

    /// A page whose load fails as many times as it is told, then shows itself.
    public sealed class FlakyPage : ComponentBase
    {
        [Parameter]
        public Failures Failures { get; set; } = null!;

        protected override async Task OnInitializedAsync()
        {
            await Task.Yield();
            if (Failures.Left-- > 0)
            {
                throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
                    new TimeoutException("The operation has timed out."));
            }
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "h1");
            builder.AddAttribute(1, "id", "flaky-loaded");
            builder.AddContent(2, "Loaded");
            builder.CloseElement();
        }
    }
}
