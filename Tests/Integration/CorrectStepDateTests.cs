using Domain;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Process;
using Workflows.Reports;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// A step recorded with the wrong date, corrected by the lead office (WorkflowEngine.CorrectDateAsync) on a real
/// database: the step's entry takes the new date and keeps the first, the clocks, timers and tasks the date fed move,
/// the board's timeliness follows; bad input and other roles are refused (the refusals audited) and nothing changes; the
/// same form sent twice corrects once.
public abstract class CorrectStepDateTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private async Task<int> NewCspAsync() => await Portal.WithDbAsync(async db =>
    {
        var office = await db.Organisations.SingleAsync(o => o.Code == "LR");
        var csp = new Organisation { Name = $"Redate CSP {Guid.NewGuid():N}"[..20], Kind = OrganisationKind.Csp, ServingOfficeId = office.Id };
        db.Organisations.Add(csp);
        await db.SaveChangesAsync();
        return csp.Id;
    });

    private async Task<int> RegisterAsync(int csp, DateOnly notified)
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var police = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync());
        var died = notified.AddMonths(-1);
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(officer, new Notification(
            ReviewType.Dardr, false, false, false, csp, [], police, notified, died.Year, died.Month, 1, $"Case D {Guid.NewGuid():N}"[..18], null, null, "A summary."));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value.Id;
    }

    private async Task FireAsync(int id, TriggerArgs args)
    {
        var result = await Portal.Get<WorkflowEngine>().FireAsync(id, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, $"{args.Trigger}: {result.Error?.Message}");
    }

    private Task<Review> ReviewAsync(int id) => Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task ADecisionDatedWrongly_IsCorrectedByTheLeadOffice_MovingItsClocksTasksAndTheBoardsTimeliness_AfterBadInputAndOtherRolesAreRefused()
    {
        // Notified 40 days ago, presented 2 days after; the decision recorded as 35 days after (late), when the CRG
        // decided 20 days after it (on time).
        var today = London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var notified = today.AddDays(-40);
        var csp = await NewCspAsync();
        var id = await RegisterAsync(csp, notified);
        await FireAsync(id, new PresentToCrgArgs { Date = notified.AddDays(2) });
        await FireAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = notified.AddDays(35) });
        var step = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.RecordCriteriaMet));

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        async Task<string> DecisionTimelinessAsync() =>
            Assert.Single(BoardReportText.Timeliness((await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, today)).Value!).Rows)[1];
        Assert.Equal("35 days, late", await DecisionTimelinessAsync());

        var engine = Portal.Get<WorkflowEngine>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await ReviewAsync(id);
        var valid = new CorrectStepDate(id, step.Id, notified.AddDays(20), "Typed the date of the Home Office letter, not of the CRG meeting.", before.Version);
        async Task<IEnumerable<(string?, string)>> InvalidAsync(CorrectStepDate request) =>
            Assert.IsType<ValidationFailed>((await engine.CorrectDateAsync(request, officer, Guid.NewGuid().ToString())).Error).Errors.Select(e => (e.Field, e.Message));

        Assert.Equal([("Reason", "Say why the date is corrected.")], await InvalidAsync(valid with { Reason = "  " }));
        Assert.Equal([("Date", "The date cannot be in the future.")], await InvalidAsync(valid with { Date = today.AddDays(1) }));
        Assert.Equal([("Date", $"The date cannot be before the step before it (Present to the CRG, {UkDate.Format(notified.AddDays(2))}): check it.")],
            await InvalidAsync(valid with { Date = notified.AddDays(1) }));
        Assert.Equal([("Date", "Enter the date the step happened.")], await InvalidAsync(valid with { Date = null }));

        // Others: the data protection officer reads the review but may not change it; another office's officer cannot read it.
        var dpo = await Portal.ActorAsync(DemoAccounts.Dpo);
        Assert.IsType<AccessRefused>((await engine.CorrectDateAsync(valid, dpo, Guid.NewGuid().ToString())).Error);
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.IsType<AccessRefused>((await engine.CorrectDateAsync(valid, kent, Guid.NewGuid().ToString())).Error);
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.ReviewId == id && a.Action == AuditAction.Refused).Select(a => new { a.UserId, a.Detail }).ToListAsync());
        Assert.Contains(refusals, a => a.UserId == dpo.UserId && a.Detail == "correct a step's date: only the lead office's review officers and managers may");
        Assert.Contains(refusals, a => a.UserId == kent.UserId && a.Detail == "correct a step's date");
        Assert.Equal((before.Version, (DateOnly?)notified.AddDays(35)), ((await ReviewAsync(id)).Version, (await ReviewAsync(id)).DecidedOn));
        Assert.Equal("35 days, late", await DecisionTimelinessAsync());

        var key = Guid.NewGuid().ToString();
        var corrected = await engine.CorrectDateAsync(valid, officer, key);
        Assert.True(corrected.IsSuccess, corrected.Error?.Message);

        var review = await ReviewAsync(id);
        Assert.Equal(((DateOnly?)notified.AddDays(20), before.Version + 1), (review.DecidedOn, review.Version));
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.Id == step.Id));
        Assert.Equal((notified.AddDays(20), (DateOnly?)notified.AddDays(35), "Criteria met."), (entry.OccurredOn, entry.FirstOccurredOn, entry.Comment));
        var correction = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Kind == JournalKind.DateCorrected));
        Assert.Equal((today, valid.Reason, officer.UserId, (Trigger?)null), (correction.OccurredOn, correction.Comment, correction.UserId, correction.Trigger));
        var words = $"The date of \"Record decision: criteria met\" is corrected from {UkDate.Format(notified.AddDays(35))} to {UkDate.Format(notified.AddDays(20))}.";
        Assert.StartsWith(words, correction.Detail, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Action == AuditAction.Changed && a.Detail == words)));

        // The clocks the decision met and started, their timers and the task on the Home Office's clock, from the new date.
        var clocks = await Portal.WithDbAsync(db => db.ReviewClocks.AsNoTracking().Where(c => c.ReviewId == id).ToListAsync());
        var deadlines = new DeadlineSettings();
        var calendar = BusinessCalendar.EnglandAndWales();
        var decided = notified.AddDays(20);
        Assert.Equal((DateOnly?)decided, clocks.Single(c => c.Kind == ClockKind.Decision).CompletedOn);
        var notify = clocks.Single(c => c.Kind == ClockKind.HomeOfficeNotification);
        Assert.Equal((decided, deadlines.HomeOfficeNotificationDue(decided, calendar)), (notify.StartDate, notify.DueDate));
        Assert.Equal((decided, deadlines.AppointmentDue(decided)), clocks.Where(c => c.Kind == ClockKind.Appointment).Select(c => (c.StartDate, c.DueDate)).Single());
        Assert.Equal((decided, deadlines.CompletionDue(decided)), clocks.Where(c => c.Kind == ClockKind.Completion).Select(c => (c.StartDate, c.DueDate)).Single());
        var pending = await Portal.WithDbAsync(db => db.Timers.AsNoTracking().Where(t => t.ReviewId == id && t.Status == TimerStatus.Pending).ToListAsync());
        Assert.Equal(London.OverdueFromUtc(notify.DueDate), Assert.Single(pending, t => t.ClockId == notify.Id).DueAtUtc);
        Assert.Equal(3, pending.Count);
        var task = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.ReviewId == id && w.Status == WorkItemStatus.Open));
        Assert.Equal((WorkItemKind.NotifyHomeOffice, (DateOnly?)notify.DueDate), (task.Kind, task.DueDate));

        // The board's figure follows the corrected date.
        Assert.Equal("20 days, on time", await DecisionTimelinessAsync());

        // The same form again corrects nothing more.
        var again = await engine.CorrectDateAsync(valid, officer, key);
        Assert.True(again.Value!.Repeated);
        Assert.Equal(review.Version, (await ReviewAsync(id)).Version);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.JournalEntries.CountAsync(j => j.ReviewId == id && j.Kind == JournalKind.DateCorrected)));

        // A page showing the step before a newer one was recorded is told to reload.
        await FireAsync(id, new RecordHomeOfficeNotifiedArgs { Date = today });
        var stale = await engine.CorrectDateAsync(valid with { ExpectedVersion = null }, officer, Guid.NewGuid().ToString());
        Assert.IsType<Conflict>(stale.Error);
    }
}

public sealed class CorrectStepDateSqliteTests(SqliteFixture fixture) : CorrectStepDateTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CorrectStepDatePostgresTests(PostgresFixture fixture) : CorrectStepDateTests(fixture), IClassFixture<PostgresFixture>;
