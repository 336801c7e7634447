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

/// A step recorded by mistake, undone by the lead office (WorkflowEngine.UndoStepAsync) on a real database: the review,
/// its clocks, tasks and timers go back to where they were, the step stays in the journal marked undone, the board's
/// figures follow; a missing reason, other roles and a stale page are refused (the refusals audited) and nothing changes;
/// the same form sent twice undoes once; steps whose effects reach beyond the process are refused with what to do instead.
public abstract class UndoStepTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private async Task<int> NewCspAsync() => await Portal.WithDbAsync(async db =>
    {
        var office = await db.Organisations.SingleAsync(o => o.Code == "LR");
        var csp = new Organisation { Name = $"Undo CSP {Guid.NewGuid():N}"[..20], Kind = OrganisationKind.Csp, ServingOfficeId = office.Id };
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
            ReviewType.Dardr, false, false, false, csp, [], police, notified, died.Year, died.Month, 1, $"Case U {Guid.NewGuid():N}"[..18], null, null, "A summary."));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value.Id;
    }

    private async Task FireAsync(int id, TriggerArgs args)
    {
        // A step of its own, recorded a minute after the one before it (the steps of one command share their instant).
        Portal.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await Portal.Get<WorkflowEngine>().FireAsync(id, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, $"{args.Trigger}: {result.Error?.Message}");
    }

    private Task<Review> ReviewAsync(int id) => Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<JournalEntry> StepAsync(int id, Trigger trigger) =>
        Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Trigger == trigger));

    [Fact]
    public async Task ADecisionRecordedByMistake_IsUndoneByTheLeadOffice_PuttingBackTheClocksTasksAndTheBoard_AfterBadInputOtherRolesAndAStalePageAreRefused()
    {
        // Notified 40 days ago and presented 2 days after; "criteria met" recorded by mistake 35 days after (late).
        var today = London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var notified = today.AddDays(-40);
        var csp = await NewCspAsync();
        var id = await RegisterAsync(csp, notified);
        await FireAsync(id, new PresentToCrgArgs { Date = notified.AddDays(2) });
        var decisionClock = await Portal.WithDbAsync(db => db.ReviewClocks.AsNoTracking().SingleAsync(c => c.ReviewId == id && c.Kind == ClockKind.Decision));
        await FireAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = notified.AddDays(35) });
        var step = await StepAsync(id, Trigger.RecordCriteriaMet);

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        async Task<(string Decision, BoardReport Report)> BoardAsync()
        {
            var report = (await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, today)).Value!;
            return (Assert.Single(BoardReportText.Timeliness(report).Rows)[1], report);
        }

        Assert.Equal("35 days, late", (await BoardAsync()).Decision);

        var engine = Portal.Get<WorkflowEngine>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await ReviewAsync(id);
        var valid = new UndoStep(id, step.Id, "Recorded on the wrong review: the CRG has not decided this one yet.", before.Version);

        var blank = await engine.UndoStepAsync(valid with { Reason = " " }, officer, Guid.NewGuid().ToString());
        Assert.Equal([("Reason", "Say why the step is undone.")], Assert.IsType<ValidationFailed>(blank.Error).Errors.Select(e => (e.Field, e.Message)));

        // Others: the data protection officer reads the review but may not change it; another office's officer cannot read it.
        var dpo = await Portal.ActorAsync(DemoAccounts.Dpo);
        Assert.IsType<AccessRefused>((await engine.UndoStepAsync(valid, dpo, Guid.NewGuid().ToString())).Error);
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.IsType<AccessRefused>((await engine.UndoStepAsync(valid, kent, Guid.NewGuid().ToString())).Error);
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.ReviewId == id && a.Action == AuditAction.Refused).Select(a => new { a.UserId, a.Detail }).ToListAsync());
        Assert.Contains(refusals, a => a.UserId == dpo.UserId && a.Detail == "undo a step: only the lead office's review officers and managers may");
        Assert.Contains(refusals, a => a.UserId == kent.UserId && a.Detail == "undo a step");
        // A page that showed an older version is told to reload.
        Assert.IsType<Conflict>((await engine.UndoStepAsync(valid with { ExpectedVersion = before.Version - 1 }, officer, Guid.NewGuid().ToString())).Error);
        Assert.Equal((before.Version, Stage.DecisionNotified), ((await ReviewAsync(id)).Version, (await ReviewAsync(id)).Stage));

        var key = Guid.NewGuid().ToString();
        var undone = await engine.UndoStepAsync(valid, officer, key);
        Assert.True(undone.IsSuccess, undone.Error?.Message);

        var review = await ReviewAsync(id);
        Assert.Equal((Stage.AwaitingCrgDecision, (CrgOutcome?)null, (DateOnly?)null, before.Version + 1), (review.Stage, review.CrgOutcome, review.DecidedOn, review.Version));
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.Id == step.Id));
        var undo = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Kind == JournalKind.StepUndone));
        Assert.Equal((long?)undo.Id, entry.UndoneById);
        Assert.Equal((today, valid.Reason, officer.UserId, (Stage?)Stage.DecisionNotified, Stage.AwaitingCrgDecision),
            (undo.OccurredOn, undo.Comment, undo.UserId, undo.FromStage, undo.ToStage));
        var words = $"\"Record decision: criteria met\" of {UkDate.Format(notified.AddDays(35))} is undone: the review is back at \"Awaiting CRG decision\".";
        Assert.StartsWith(words, undo.Detail, StringComparison.Ordinal);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Action == AuditAction.Changed && a.Detail == words)));

        // The decision clock runs again, due as before, with its timer; the clocks the decision started are cancelled;
        // the decision's task is open again, the Home Office's cancelled.
        var clocks = await Portal.WithDbAsync(db => db.ReviewClocks.AsNoTracking().Where(c => c.ReviewId == id).ToListAsync());
        var decision = clocks.Single(c => c.Kind == ClockKind.Decision);
        Assert.Equal((ClockStatus.Running, decisionClock.DueDate, (DateOnly?)null), (decision.Status, decision.DueDate, decision.CompletedOn));
        Assert.All(clocks.Where(c => c.Kind != ClockKind.Decision), c => Assert.Equal(ClockStatus.Cancelled, c.Status));
        var pending = await Portal.WithDbAsync(db => db.Timers.AsNoTracking().Where(t => t.ReviewId == id && t.Status == TimerStatus.Pending).ToListAsync());
        var timer = Assert.Single(pending);
        Assert.Equal(((long?)decision.Id, London.OverdueFromUtc(decision.DueDate)), (timer.ClockId, timer.DueAtUtc));
        var open = await Portal.WithDbAsync(db => db.WorkItems.AsNoTracking().Where(w => w.ReviewId == id && w.Status == WorkItemStatus.Open).ToListAsync());
        var task = Assert.Single(open);
        Assert.Equal((WorkItemKind.RecordCrgDecision, (DateOnly?)decision.DueDate), (task.Kind, task.DueDate));

        // The board: no decision, so the step counts on to today (overdue), and the review awaits its decision.
        var (after, report) = await BoardAsync();
        Assert.Equal("40 days so far, overdue", after);
        Assert.Contains(review.Reference, BoardReportText.InProgress(report).Rows.Single()[1], StringComparison.Ordinal);

        // The same form again undoes nothing more.
        var again = await engine.UndoStepAsync(valid, officer, key);
        Assert.True(again.Value!.Repeated);
        Assert.Equal(review.Version, (await ReviewAsync(id)).Version);

        // The step is recorded again, rightly; it can be undone in its turn. A step beyond the process cannot.
        await FireAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = notified.AddDays(20) });
        Assert.Equal("20 days, on time", (await BoardAsync()).Decision);
        await FireAsync(id, new RecordHomeOfficeNotifiedArgs { Date = notified.AddDays(22) });
        await FireAsync(id, new RecordHomeOfficeAcknowledgedArgs { Date = notified.AddDays(25) });
        await FireAsync(id, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = today.AddDays(30), Date = notified.AddDays(30) });
        await FireAsync(id, new StopReviewArgs { Comment = "The Home Office agreed.", Date = today });
        var stop = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.StopReview));
        var refused = await engine.UndoStepAsync(new UndoStep(id, stop.Id, "Stopped by mistake."), officer, Guid.NewGuid().ToString());
        Assert.Contains("reopen the review instead", Assert.IsType<ActionUnavailable>(refused.Error).Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal(Stage.Closed, (await ReviewAsync(id)).Stage);
    }
}

public sealed class UndoStepSqliteTests(SqliteFixture fixture) : UndoStepTests(fixture), IClassFixture<SqliteFixture>;

public sealed class UndoStepPostgresTests(PostgresFixture fixture) : UndoStepTests(fixture), IClassFixture<PostgresFixture>;
