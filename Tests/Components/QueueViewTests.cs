using Bunit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Features.Work;
using Portal.Testing;
using Workflows;
using Workflows.WorkItems;

namespace Portal.Components.Tests;

public sealed class QueueViewTests : ComponentContext
{
    private IRenderedComponent<QueueView> RenderQueue(WorkQueue queue)
    {
        var cut = RenderWithProviders<QueueView>(p => p.Add(q => q.Queue, queue));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#work-queue tbody tr [data-action='claim']")), TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task Claim_OnATaskSomeoneElseChangedMeanwhile_SaysSo_AndReloadsTheList()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = RenderQueue(WorkQueue.Team);
        var before = cut.FindAll("#work-queue tbody tr").Count;
        var first = (await Portal.Get<WorkQueueQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), WorkQueue.Team,
            new WorkItemFilter(), new PageRequest())).Items[0];
        // The manager hands the first task to someone after this page loaded it.
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        Assert.True((await Portal.Get<WorkItemCommands>().ReassignAsync(manager, first.Id, manager.UserId, "Covering this one myself.")).IsSuccess);

        await cut.InvokeAsync(() => cut.Find("#work-queue tbody tr [data-action='claim']").Click());

        var snackbar = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message == QueueView.ConflictMessage), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(before - 1, cut.FindAll("#work-queue tbody tr").Count), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Overdue_RowsCarryTheHighlight_AndTheRelativeDueText()
    {
        Portal.Time.Advance(TimeSpan.FromDays(60));
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = RenderQueue(WorkQueue.Overdue);

        var rows = cut.FindAll("#work-queue tbody tr");
        Assert.All(rows, r => Assert.Contains("row-overdue", r.ClassName, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith("overdue", r.QuerySelector("[data-due-text]")!.TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyWork_WhenEmpty_SaysWhatToDo()
    {
        // The demo's manager took over one task (DemoWork); given back to the team queue, nothing is theirs.
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        var theirs = await Portal.WithDbAsync(db => db.WorkItems.Where(w => w.AssigneeUserId == manager.UserId && w.Status == WorkItemStatus.Open)
            .Select(w => w.Id).ToListAsync());
        Assert.NotEmpty(theirs);
        foreach (var id in theirs)
        {
            var given = await Portal.Get<WorkItemCommands>().UnclaimAsync(manager, id);
            Assert.True(given.IsSuccess, given.Error?.Message);
        }

        await SignInAsync(DemoAccounts.LrManager);
        var cut = RenderWithProviders<QueueView>(p => p.Add(q => q.Queue, WorkQueue.MyWork));
        cut.WaitForAssertion(() => Assert.Contains("Claim a task from the team queue", cut.Find("#queue-empty").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
    }
}
