using Bunit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Reviews;
using Portal.Testing;
using Workflows.Process;

namespace Portal.Components.Tests;

public sealed class ActionFormTests : ComponentContext
{
    public ActionFormTests()
    {
        Services.AddSingleton(_ => Portal.Services.GetRequiredService<WorkflowEngine>());
    }

    private IRenderedComponent<ActionForm> RenderForm(int reviewId, Trigger trigger, int expectedVersion, Action<TransitionResult>? done = null) =>
        RenderWithProviders<ActionForm>(p => p
            .Add(f => f.ReviewId, reviewId)
            .Add(f => f.Option, new ActionOption(trigger, TriggerNames.Describe(trigger), true, []))
            .Add(f => f.ExpectedVersion, expectedVersion)
            .Add(f => f.Done, r => done?.Invoke(r)));

    private Task<int> TransitionsAsync(int reviewId) =>
        Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == reviewId && j.Kind == JournalKind.Transition));

    [Fact]
    public async Task PutOnHold_SavedEmpty_ShowsTheServersMessagesBesideTheFields_AndRecordsNothing()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var id = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 20));
        var cut = RenderForm(id, Trigger.PutOnHold, expectedVersion: 0);

        // Every step asks for the day it happened: the hold from the day it began, today unless changed.
        Assert.Contains("Date the hold began", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("23/11/2026", cut.Find("#action-date").GetAttribute("value"));
        await cut.Find("#action-submit").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Choose the reason for the hold.", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter the date by which the hold should be looked at again.", cut.Markup, StringComparison.Ordinal);
        });
        Assert.Empty(cut.FindAll("#action-errors"));
        Assert.Equal(0, await TransitionsAsync(id));
    }

    [Fact]
    public async Task PresentToCrg_DefaultsTheDateToToday_AndTwoClicksMakeOneTransition()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var id = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 20));
        var results = new List<TransitionResult>();
        var cut = RenderForm(id, Trigger.PresentToCrg, expectedVersion: 0, results.Add);
        Assert.Equal("23/11/2026", cut.Find("#action-date").GetAttribute("value"));

        var first = cut.Find("#action-submit").ClickAsync(new());
        var second = cut.Find("#action-submit").ClickAsync(new());
        await Task.WhenAll(first, second);

        // Whether the second click finds the form still saving or already done, it records nothing new: the form's
        // one idempotency key returns the first transition again.
        cut.WaitForAssertion(() => Assert.NotEmpty(results));
        Assert.Single(results.Select(r => r.JournalEntryId).Distinct());
        Assert.Equal(1, await TransitionsAsync(id));
        Assert.Equal(new DateOnly(2026, 11, 23), await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.CrgFirstPresentedOn).SingleAsync()));
    }

    [Fact]
    public async Task StaleVersion_ShowsTheConflict_AndKeepsTheComment()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var id = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 20));
        var cut = RenderForm(id, Trigger.PresentToCrg, expectedVersion: 7);

        cut.Find("#action-comment").Input("Presented at the November meeting.");
        await cut.Find("#action-submit").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("changed by someone else", cut.Find("#action-conflict").TextContent, StringComparison.Ordinal));
        Assert.Equal("Presented at the November meeting.", cut.Find("#action-comment").GetAttribute("value") ?? cut.Find("#action-comment").TextContent);
        Assert.NotNull(cut.Find("#reload-review"));
        Assert.Equal(0, await TransitionsAsync(id));
    }
}
