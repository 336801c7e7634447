using Domain;
using Domain.Calendar;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Calendar;
using Workflows.Process;

namespace Portal.Integration.Tests;

/// An administrator's extra bank holiday is merged with the shipped list by the engine.
public sealed class BankHolidayTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Add_ByAnAdministrator_MovesTheHomeOfficeNotificationDeadline()
    {
        var handler = _portal.Get<BankHolidaysHandler>();
        var extra = new DateOnly(2026, 11, 24);
        Assert.IsType<AccessRefused>((await handler.AddAsync(await _portal.ActorAsync(DemoAccounts.LrOfficer), extra, "Extra day")).Error);
        Assert.IsType<ValidationFailed>((await handler.AddAsync(await _portal.ActorAsync(DemoAccounts.Admin), new DateOnly(2026, 12, 25), "Christmas")).Error);
        Assert.True((await handler.AddAsync(await _portal.ActorAsync(DemoAccounts.Admin), extra, "Extra day")).IsSuccess);
        Assert.Contains(await handler.ListAsync(2026), h => h.Date == extra && !h.Shipped);

        var id = await WorkflowEngineTests.RegisterAsync(_portal, new DateOnly(2026, 11, 20));
        var officer = await _portal.ActorAsync(DemoAccounts.LrOfficer);
        var engine = _portal.Get<WorkflowEngine>();
        await engine.FireAsync(id, TriggerArgs.For(Trigger.PresentToCrg), officer, Guid.NewGuid().ToString());
        var decided = await engine.FireAsync(id, new RecordCriteriaMetArgs { Comment = "Met." }, officer, Guid.NewGuid().ToString());

        Assert.True(decided.IsSuccess, decided.Error?.Message);
        var due = await _portal.WithDbAsync(db => db.ReviewClocks.Where(c => c.ReviewId == id && c.Kind == ClockKind.HomeOfficeNotification).Select(c => c.DueDate).SingleAsync());
        // Monday 23 November + 5 working days, skipping Tuesday 24th: Tuesday 1 December.
        Assert.Equal(new DateOnly(2026, 12, 1), due);
        Assert.Equal(new DateOnly(2026, 11, 30), BusinessCalendar.EnglandAndWales().AddWorkingDays(new DateOnly(2026, 11, 23), 5));
    }
}
