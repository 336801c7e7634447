using System.Text;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reports;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Import;
using Workflows.Process;
using Workflows.Reports;
using Workflows.Submissions;
using C = Workflows.Import.ImportColumns;

namespace Portal.Integration.Tests;

/// Importing an office's tracker on a real database of each provider (today is 23 Nov 2026).
public abstract class ImportTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private ImportReviewsHandler Handler => Portal.Get<ImportReviewsHandler>();

    private static readonly string[] Headings =
    [
        C.CaseLabel, C.LeadCsp, C.Type, C.NotifyingAgency, C.DeathMonth, C.Notified, C.Presented, C.Decision, C.AuthorAppointed, C.SignedOff,
        C.Stage, C.HoldReason, C.HeldSince, C.LatestUpdate,
    ];

    private static string[] Row(string label, string stage, string presented = "", string decision = "", string appointed = "", string signedOff = "",
        string hold = "", string heldSince = "", string update = "", string csp = "Rutland CSP") =>
        [label, csp, "DHR", "Leicestershire Police", "01/2025", "03/02/2025", presented, decision, appointed, signedOff, stage, hold, heldSince, update];

    private static MemoryStream Csv(params string[][] rows) => new(Encoding.UTF8.GetBytes(string.Join("\r\n",
        new[] { Headings }.Concat(rows).Select(r => string.Join(",", r.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c))))));

    private static MemoryStream Xlsx(params string[][] rows) => new(TrackerFile.XlsxTemplate([.. rows.Select(r => (IReadOnlyList<string>)AsTemplateRow(r))]));

    /// The template's own column order, with the cells these tests fill in.
    private static string[] AsTemplateRow(string[] row) =>
        C.All.Select(c => Array.IndexOf(Headings, c) is var i and >= 0 ? row[i] : string.Empty).ToArray();

    [Fact]
    public async Task Import_ASheetWithErrors_ReportsEveryProblemAndSavesNothing()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var before = await Portal.WithDbAsync(db => db.Reviews.CountAsync());
        using var sheet = Csv(
            Row("Case E1 2025", "Awaiting CRG decision", presented: "10/02/2025"),
            Row("Case E2 2025", "Panel and report writing", presented: "10/02/2025", decision: "01/02/2025", appointed: "01/04/2025"),
            Row("Case E3 2025", "Notification received", csp: "Ashford CSP"),
            Row("case e1 2025", "Notification received"),
            Row("Case E4 2025", "CRG sign-off", presented: "31/02/2025"));

        var result = await Handler.ImportAsync(officer, sheet, "tracker.csv");

        Assert.True(result.IsSuccess, result.Error?.Message);
        var problems = result.Value.Problems;
        Assert.Contains(problems, p => p is { Row: 3, Column: C.Decision });
        Assert.Contains(problems, p => p is { Row: 4, Column: C.LeadCsp });
        Assert.Contains(problems, p => p is { Row: 5, Column: C.CaseLabel });
        Assert.Contains(problems, p => p is { Row: 6, Column: C.Presented });
        Assert.Empty(result.Value.Imported);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Fact]
    public async Task Import_ACleanWorkbook_CreatesReviewsInTheirStages_WithImportedJournalDatedFromTheSheet()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        using var sheet = Xlsx(
            Row("Case X1 2025", "CRG sign-off", presented: "10/02/2025", decision: "24/02/2025", appointed: "01/04/2025", signedOff: "01/10/2025",
                update: "Report with the Home Office soon."),
            Row("Case X2 2025", "Awaiting CRG decision", presented: "17/02/2025"));

        var result = await Handler.ImportAsync(officer, sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        Assert.Equal([Stage.CrgSignOff, Stage.AwaitingCrgDecision], result.Value.Imported.Select(r => r.Stage));
        var id = result.Value.Imported[0].Id;
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == id);
            Assert.Equal(new DateOnly(2025, 2, 10), review.CrgFirstPresentedOn);
            Assert.Equal(new DateOnly(2025, 2, 24), review.DecidedOn);
            Assert.Equal(new DateOnly(2025, 10, 1), review.SignedOffOn);
            Assert.Equal(new DateOnly(2025, 4, 1), review.ChairAuthorAppointedBeforeImportOn);
            Assert.StartsWith("LR-2025-", review.Reference, StringComparison.Ordinal);

            var journal = await db.JournalEntries.Where(j => j.ReviewId == id).OrderBy(j => j.Id).ToListAsync();
            Assert.All(journal, j => Assert.True(j.IsImported));
            Assert.Equal(new DateOnly(2025, 2, 3), journal[0].OccurredOn);
            Assert.Equal(new DateOnly(2025, 2, 10), journal.Single(j => j.Trigger == Trigger.PresentToCrg).OccurredOn);
            Assert.Equal(new DateOnly(2025, 10, 1), journal.Single(j => j.Trigger == Trigger.RecordSignedOff).OccurredOn);

            // Clocks run from the real dates: decision due a month after notification and met at the decision; completion
            // six months after the decision, met (late) at the sign-off.
            var clocks = await db.ReviewClocks.Where(c => c.ReviewId == id).ToListAsync();
            var decision = clocks.Single(c => c.Kind == ClockKind.Decision);
            Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 2, 24)), (decision.DueDate, decision.CompletedOn!.Value));
            var completion = clocks.Single(c => c.Kind == ClockKind.Completion);
            Assert.Equal((new DateOnly(2025, 8, 24), new DateOnly(2025, 10, 1)), (completion.DueDate, completion.CompletedOn!.Value));

            var update = await db.CaseUpdates.SingleAsync(u => u.ReviewId == id);
            Assert.True(update.IsImported);
            Assert.Equal("Report with the Home Office soon.", update.Text);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Action == AuditAction.Created));
            return 0;
        });
    }

    [Fact]
    public async Task Import_ACleanCsv_PutsAHeldReviewOnHoldWithItsClocksPaused()
    {
        var manager = await Portal.ActorAsync(DemoAccounts.LrManager);
        using var sheet = Csv(Row("Case H1 2025", "On hold", presented: "10/02/2025", decision: "24/02/2025", appointed: "01/04/2025",
            hold: "Criminal trial", heldSince: "01/05/2025"));

        var result = await Handler.ImportAsync(manager, sheet, "tracker.csv");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        var id = result.Value.Imported.Single().Id;
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == id);
            Assert.Equal((Stage.OnHold, Stage.PanelAndReport, HoldReason.CriminalTrial), (review.Stage, review.HeldFromStage!.Value, review.HoldReason!.Value));
            Assert.Equal(new DateOnly(2025, 5, 1), review.HeldSince);
            var completion = await db.ReviewClocks.SingleAsync(c => c.ReviewId == id && c.Kind == ClockKind.Completion);
            Assert.Equal((ClockStatus.Paused, new DateOnly(2025, 5, 1)), (completion.Status, completion.PausedSince!.Value));
            var hold = await db.JournalEntries.SingleAsync(j => j.ReviewId == id && j.Trigger == Trigger.PutOnHold);
            Assert.True(hold.IsImported);
            return 0;
        });
    }

    [Fact]
    public async Task Import_CriteriaNotMetClosed_AndAHoldThatEnded_AreReplayedOnTheirDates_TheUpdateAsAtItsOwnDate()
    {
        string[] headings = [.. Headings[..^1], C.Outcome, C.HomeOfficeNotified, C.Closed, C.HoldEnded, C.LatestUpdate, C.UpdateAsAt];
        string[] R(string label, string stage, string presented, string decision, string appointed, string hold, string heldSince, string outcome, string told,
            string closed, string ended, string update, string asAt) =>
            [.. Row(label, stage, presented, decision, appointed, hold: hold, heldSince: heldSince)[..^1], outcome, told, closed, ended, update, asAt];
        using var sheet = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", new[]
        {
            headings,
            R("Case N1 2025", "Closed", "10/02/2025", "24/02/2025", "", "", "", "Criteria not met", "03/03/2025", "01/06/2025", "", "Home Office agreed: no review.", "02/06/2025"),
            R("Case N2 2025", "Panel and report writing", "10/02/2025", "24/02/2025", "01/06/2025", "Inquest", "01/03/2025", "", "", "", "15/04/2025", "", ""),
        }.Select(r => string.Join(",", r)))));

        var result = await Handler.ImportAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), sheet, "tracker.csv");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        Assert.Equal([Stage.Closed, Stage.PanelAndReport], result.Value.Imported.Select(r => r.Stage));
        var (notMet, held) = (result.Value.Imported[0].Id, result.Value.Imported[1].Id);
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == notMet);
            Assert.Equal((CrgOutcome.CriteriaNotMet, false, (DateOnly?)new DateOnly(2025, 2, 24)), (review.CrgOutcome!.Value, review.IsAlternativeReview, review.DecidedOn));
            var steps = await db.JournalEntries.Where(j => j.ReviewId == notMet && j.Trigger != null).OrderBy(j => j.Id).Select(j => new { j.Trigger, j.OccurredOn }).ToListAsync();
            Assert.Equal([Trigger.PresentToCrg, Trigger.RecordCriteriaNotMet, Trigger.RecordHomeOfficeNotified, Trigger.CloseWithoutReview], steps.Select(j => j.Trigger!.Value));
            Assert.Equal(new DateOnly(2025, 6, 1), steps[^1].OccurredOn);
            var update = await db.CaseUpdates.SingleAsync(u => u.ReviewId == notMet);
            Assert.Equal((new DateOnly(2025, 6, 2), true), (update.AsAt, update.IsImported));

            var resumed = await db.Reviews.SingleAsync(r => r.Id == held);
            Assert.Null(resumed.HeldSince);
            var hold = await db.JournalEntries.Where(j => j.ReviewId == held && (j.Trigger == Trigger.PutOnHold || j.Trigger == Trigger.Resume)).OrderBy(j => j.Id).ToListAsync();
            Assert.Equal([(Trigger.PutOnHold, new DateOnly(2025, 3, 1)), (Trigger.Resume, new DateOnly(2025, 4, 15))], hold.Select(j => (j.Trigger!.Value, j.OccurredOn)));
            Assert.Contains("after 45 days on hold", hold[1].Detail, StringComparison.Ordinal);
            Assert.Equal(Trigger.AppointAuthor, await db.JournalEntries.Where(j => j.ReviewId == held && j.Trigger != null).OrderBy(j => j.Id).Select(j => j.Trigger).LastAsync());
            return 0;
        });
    }

    /// A workbook made from the template, each row's cells by column (the rest empty).
    private static MemoryStream Workbook(params Dictionary<string, string>[] rows) =>
        new(TrackerFile.XlsxTemplate([.. rows.Select(r => (IReadOnlyList<string>)C.All.Select(c => r.GetValueOrDefault(c, string.Empty)).ToArray())]));

    private static Dictionary<string, string> Cells(string label, string stage, params (string Column, string Value)[] cells) => With(new()
    {
        [C.CaseLabel] = label, [C.LeadCsp] = "Rutland CSP", [C.Type] = "DHR", [C.NotifyingAgency] = "Leicestershire Police", [C.DeathMonth] = "01/2025",
        [C.Notified] = "03/02/2025", [C.Presented] = "10/02/2025", [C.Decision] = "24/02/2025", [C.Stage] = stage,
    }, cells);

    private static Dictionary<string, string> With(Dictionary<string, string> row, (string Column, string Value)[] cells)
    {
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        return row;
    }

    [Fact]
    public async Task Import_AReversedDecision_AStoppedReview_AndAnAlternativeReview_AreReplayedOnTheirDates_AndTheBoardShowsThemAsTheyStood()
    {
        using var sheet = Workbook(
            Cells("Case RV1 2025", "Panel and report writing", (C.Outcome, "Criteria not met"), (C.HomeOfficeNotified, "03/03/2025"),
                (C.Reversed, "Judicial review"), (C.ReversedOn, "01/09/2025"), (C.AuthorAppointed, "01/10/2025"), (C.FirstPanel, "05/11/2025")),
            Cells("Case ST1 2025", "Closed", (C.AuthorAppointed, "01/04/2025"), (C.HoldReason, "Inquest"), (C.HeldSince, "01/06/2025"),
                (C.Stopped, "01/09/2025"), (C.StopReason, "The Home Office agreed: the inquest answers the questions.")),
            Cells("Case AL1 2025", "Decision notified to the Home Office", (C.Outcome, "Learning review"), (C.HomeOfficeNotified, "03/03/2025")));

        var result = await Handler.ImportAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        Assert.Equal([Stage.PanelAndReport, Stage.Closed, Stage.DecisionNotified], result.Value.Imported.Select(r => r.Stage));
        var (reversed, stopped, alternative) = (result.Value.Imported[0], result.Value.Imported[1], result.Value.Imported[2]);
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reversed.Id);
            Assert.Equal((CrgOutcome.CriteriaMet, (DateOnly?)new DateOnly(2025, 9, 1), (DateOnly?)new DateOnly(2025, 11, 5)),
                (review.CrgOutcome!.Value, review.DecidedOn, review.FirstPanelBeforeImportOn));
            var journal = await db.JournalEntries.Where(j => j.ReviewId == reversed.Id).OrderBy(j => j.OccurredOn).ThenBy(j => j.Id).ToListAsync();
            Assert.All(journal, j => Assert.True(j.IsImported));
            Assert.Equal(
                [
                    (Trigger.RecordCriteriaNotMet, new DateOnly(2025, 2, 24)), (Trigger.RecordHomeOfficeNotified, new DateOnly(2025, 3, 3)),
                    (Trigger.ReverseCriteriaNotMet, new DateOnly(2025, 9, 1)), (Trigger.RecordHomeOfficeNotified, new DateOnly(2025, 10, 1)),
                    (Trigger.RecordHomeOfficeAcknowledged, new DateOnly(2025, 10, 1)), (Trigger.AppointAuthor, new DateOnly(2025, 10, 1)),
                ],
                journal.Where(j => j.Trigger is not null and not Trigger.PresentToCrg).Select(j => (j.Trigger!.Value, j.OccurredOn)));
            // The sheet has no date for the Home Office told of the new decision, nor for its acknowledgement: not recorded,
            // known to have happened by the appointment.
            Assert.Equal([DatePrecision.Day, DatePrecision.Day, DatePrecision.Day, DatePrecision.NotRecorded, DatePrecision.NotRecorded, DatePrecision.Day],
                journal.Where(j => j.Trigger is not null and not Trigger.PresentToCrg).Select(j => j.Precision));
            var panel = journal[^1];
            Assert.Equal((JournalKind.Recorded, new DateOnly(2025, 11, 5)), (panel.Kind, panel.OccurredOn));
            Assert.Contains("First panel meeting", panel.Detail, StringComparison.Ordinal);

            var closed = await db.Reviews.SingleAsync(r => r.Id == stopped.Id);
            Assert.Equal(((DateOnly?)new DateOnly(2025, 9, 1), (DateOnly?)null, (Stage?)null), (closed.ClosedOn, closed.HeldSince, closed.HeldFromStage));
            var stop = await db.JournalEntries.SingleAsync(j => j.ReviewId == stopped.Id && j.Trigger == Trigger.StopReview);
            Assert.Equal((new DateOnly(2025, 9, 1), Stage.OnHold, "The Home Office agreed: the inquest answers the questions."), (stop.OccurredOn, stop.FromStage!.Value, stop.Comment));
            Assert.False(await db.WorkItems.AnyAsync(w => w.ReviewId == stopped.Id && w.Status == WorkItemStatus.Open));
            Assert.False(await db.ReviewClocks.AnyAsync(c => c.ReviewId == stopped.Id && (c.Status == ClockStatus.Running || c.Status == ClockStatus.Paused)));
            return 0;
        });

        // The board as at past dates: each case where it stood then, from the dates it happened.
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        async Task<BoardReport> AsAt(int year, int month, int day) => (await Portal.Get<BoardReportQuery>().HandleAsync(board, rutland, new DateOnly(year, month, day))).Value!;
        static (BoardColumn, BoardReviewKind)? Where(BoardReport report, int id) => report.Rows.SelectMany(r => r.Cells)
            .SelectMany(c => c.Value.Where(x => x.ReviewId == id).Select(x => ((BoardColumn, BoardReviewKind)?)(c.Key, x.Kind))).SingleOrDefault();

        var july = await AsAt(2025, 7, 15);
        Assert.Equal((BoardColumn.AwaitingHomeOffice, BoardReviewKind.CriteriaNotMet), Where(july, reversed.Id));
        Assert.Equal((BoardColumn.OnHold, BoardReviewKind.Full), Where(july, stopped.Id));
        Assert.Equal((BoardColumn.AwaitingHomeOffice, BoardReviewKind.Alternative), Where(july, alternative.Id));

        var november = await AsAt(2025, 11, 15);
        Assert.Equal((BoardColumn.PanelOrReportWriting, BoardReviewKind.Full), Where(november, reversed.Id));
        Assert.Null(Where(november, stopped.Id));
        var steps = november.Timeliness.Single(t => t.Reference == reversed.Reference).Steps.ToDictionary(s => s.Step);
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 1)), (steps[TimelinessStep.DecisionToAuthor].Start!.Value, steps[TimelinessStep.DecisionToAuthor].End!.Value));
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 5), 35), (steps[TimelinessStep.AuthorToFirstPanel].Start!.Value,
            steps[TimelinessStep.AuthorToFirstPanel].End!.Value, steps[TimelinessStep.AuthorToFirstPanel].ElapsedDays!.Value));
    }

    [Fact]
    public async Task Import_AMonthAlone_AndStepsWithoutDates_AreRecordedAsSuch_ShownSoOnTheTimeline_AndNotRecordedOnTheBoard()
    {
        // Presented in February 2025 (a month alone); the appointment and the submission have no dates in the sheet.
        using var sheet = Workbook(Cells("Case MO1 2025", "Submitted to the Home Office", (C.Presented, "Feb 2025"), (C.SignedOff, "01/10/2025")));

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var result = await Handler.ImportAsync(officer, sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        var imported = result.Value.Imported.Single();
        var today = London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        await Portal.WithDbAsync(async db =>
        {
            var steps = await db.JournalEntries.Where(j => j.ReviewId == imported.Id && j.Trigger != null).OrderBy(j => j.Id)
                .Select(j => new { j.Trigger, j.OccurredOn, j.Precision }).ToListAsync();
            Assert.Equal(
                [
                    (Trigger.PresentToCrg, new DateOnly(2025, 2, 24), DatePrecision.Month), (Trigger.RecordCriteriaMet, new DateOnly(2025, 2, 24), DatePrecision.Day),
                    (Trigger.RecordHomeOfficeNotified, new DateOnly(2025, 10, 1), DatePrecision.NotRecorded),
                    (Trigger.RecordHomeOfficeAcknowledged, new DateOnly(2025, 10, 1), DatePrecision.NotRecorded),
                    (Trigger.AppointAuthor, new DateOnly(2025, 10, 1), DatePrecision.NotRecorded), (Trigger.SubmitForSignOff, new DateOnly(2025, 10, 1), DatePrecision.NotRecorded),
                    (Trigger.RecordSignedOff, new DateOnly(2025, 10, 1), DatePrecision.Day), (Trigger.SubmitToHomeOffice, today, DatePrecision.NotRecorded),
                ],
                steps.Select(j => (j.Trigger!.Value, j.OccurredOn, j.Precision)));
            return 0;
        });

        // The timeline says the month, and "Date not recorded" where the sheet had no date.
        var timeline = (await Portal.Get<ReviewJournalQuery>().HandleAsync(officer, imported.Id, new Workflows.PageRequest())).Value!.Items;
        Assert.Equal("February 2025", timeline.Single(j => j.Trigger == Trigger.PresentToCrg).When);
        Assert.Equal("Date not recorded", timeline.Single(j => j.Trigger == Trigger.AppointAuthor).When);
        Assert.Equal("1 Oct 2025", timeline.Single(j => j.Trigger == Trigger.RecordSignedOff).When);

        // The board as at 31 Oct 2025: presented in February, signed off (the submission is not known to have happened
        // by then); the appointment's steps not recorded, the decision to sign-off measured from the real dates.
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var report = (await Portal.Get<BoardReportQuery>().HandleAsync(board, rutland, new DateOnly(2025, 10, 31))).Value!;
        var row = report.Rows.Single(r => r.Cells.Values.Any(c => c.Any(x => x.ReviewId == imported.Id)));
        Assert.Equal("February 2025", row.Label);
        Assert.Contains(row.Cells[BoardColumn.SignedOffByCrg], x => x.ReviewId == imported.Id);
        var timeliness = report.Timeliness.Single(t => t.Reference == imported.Reference).Steps.Select(BoardReportText.Step).ToList();
        Assert.Equal(["21 days, on time", "Not recorded", "Not recorded", "219 days, late", "30 days so far"], timeliness);
    }

    [Fact]
    public async Task Import_ADecisionWithoutItsDate_KeepsNoDate_TheBoardSaysNotRecorded_NeverCountingFromTheImport_AndTheReviewGoesOn()
    {
        // Signed off on 1 Oct 2025; the tracker has no date for the CRG's decision (criteria met).
        using var sheet = Workbook(Cells("Case ND1 2025", "CRG sign-off", (C.Decision, ""), (C.AuthorAppointed, "01/04/2025"), (C.SignedOff, "01/10/2025")));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var result = await Handler.ImportAsync(officer, sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        var imported = result.Value.Imported.Single();
        await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == imported.Id);
            Assert.Equal(((DateOnly?)null, CrgOutcome.CriteriaMet, (DateOnly?)new DateOnly(2025, 10, 1)), (review.DecidedOn, review.CrgOutcome!.Value, review.SignedOffOn));
            // Known to have happened by the appointment: its entry sits there, "date not recorded".
            var decision = await db.JournalEntries.SingleAsync(j => j.ReviewId == imported.Id && j.Trigger == Trigger.RecordCriteriaMet);
            Assert.Equal((new DateOnly(2025, 4, 1), DatePrecision.NotRecorded), (decision.OccurredOn, decision.Precision));
            return 0;
        });
        var timeline = (await Portal.Get<ReviewJournalQuery>().HandleAsync(officer, imported.Id, new Workflows.PageRequest())).Value!.Items;
        Assert.Equal("Date not recorded", timeline.Single(j => j.Trigger == Trigger.RecordCriteriaMet).When);

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        async Task<IReadOnlyList<string>> TimelinessAsAt(DateOnly date) => (await Portal.Get<BoardReportQuery>().HandleAsync(board, rutland, date)).Value!
            .Timeliness.Single(t => t.Reference == imported.Reference).Steps.Select(BoardReportText.Step).ToList();
        // Before the decision is known to have happened (notified 3 Feb 2025): the decision step counts on from the notification.
        Assert.Equal("40 days so far, overdue", (await TimelinessAsAt(new DateOnly(2025, 3, 15)))[0]);
        // As at 31 Oct 2025: the decision's steps are not recorded (never counted from the appointment or the import).
        Assert.Equal(["Not recorded", "Not recorded", "Not recorded", "Not recorded", "30 days so far"], await TimelinessAsAt(new DateOnly(2025, 10, 31)));

        // Its later steps still work: submitted to the Home Office on 20 Oct 2025, recorded today.
        var submitted = await Portal.Get<WorkflowEngine>().FireAsync(imported.Id, new SubmitToHomeOfficeArgs { Date = new DateOnly(2025, 10, 20) }, officer,
            Guid.NewGuid().ToString());
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        var after = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == imported.Id));
        Assert.Equal((Stage.Submitted, (DateOnly?)new DateOnly(2025, 10, 20), (DateOnly?)null), (after.Stage, after.SubmittedOn, after.DecidedOn));
    }

    [Fact]
    public async Task Import_ASignOffWithoutItsDate_IsShownAsNotRecorded_NotAsTheDayItWasPlacedOn()
    {
        using var sheet = Workbook(
            Cells("Case NS1 2025", "Submitted to the Home Office", (C.AuthorAppointed, "01/04/2025"), (C.Submitted, "20/10/2025")),
            Cells("Case NS2 2025", "Submitted to the Home Office", (C.AuthorAppointed, "01/04/2025"), (C.SignedOff, "01/10/2025"), (C.Submitted, "20/10/2025")));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var result = await Handler.ImportAsync(officer, sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        async Task<(bool, DateOnly?)> SignOffAsync(string label)
        {
            var view = (await Portal.Get<SubmissionQuery>().HandleAsync(officer, result.Value.Imported.Single(i => i.CaseLabel == label).Id)).Value!;
            return (view.SignOffDateNotRecorded, view.SignedOffOn);
        }

        // Undated: known to have happened (the guards still see it), its day not shown; dated: shown as entered.
        Assert.True((await SignOffAsync("Case NS1 2025")).Item1);
        Assert.Equal((false, (DateOnly?)new DateOnly(2025, 10, 1)), await SignOffAsync("Case NS2 2025"));
    }

    [Fact]
    public async Task Import_AMonthOutOfRange_OrADateBeforeAMonthBeforeIt_IsRefusedNamingTheColumn_NothingImported()
    {
        var before = await Portal.WithDbAsync(db => db.Reviews.CountAsync());
        using var sheet = Workbook(
            Cells("Case BM1 2025", "Awaiting CRG decision", (C.Presented, "13/2025"), (C.Decision, "")),
            Cells("Case BM2 2025", "Decision made: Home Office to be told", (C.Presented, "03/2025")),
            Cells("Case BM3 2025", "Awaiting CRG decision", (C.Presented, "02/2025"), (C.Decision, "")));

        var result = await Handler.ImportAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(
            [
                (2, C.Presented, "\"13/2025\" is not a date or a month: enter the date as dd/mm/yyyy (e.g. 02/11/2025), or the month as mm/yyyy (e.g. 11/2025) when only the month is known."),
                (3, C.Decision, "CRG decision (24 Feb 2025) is before first presented to crg (March 2025): the dates are out of order."),
            ],
            result.Value.Problems.Select(p => (p.Row, p.Column, p.Message)));
        Assert.Empty(result.Value.Imported);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    /// A review led by an area outside the portal, as a tracker row has it ("Led by" filled in).
    private static Dictionary<string, string> LedElsewhere(string label, params (string Column, string Value)[] cells) => With(new()
    {
        [C.CaseLabel] = label, [C.LedBy] = "Northshire", [C.LeadCsp] = "Northshire CSP", [C.TakingPart] = "Rutland CSP; Leicestershire Police",
        [C.Notified] = "01/09/2025", [C.Stage] = "Draft report",
    }, cells);

    [Fact]
    public async Task Import_ATrackerWithBothKinds_RecordsTheReviewLedElsewhere_InTheRegisterMarkedSo_AndInTheBoardsInvolvement()
    {
        using var sheet = Workbook(
            Cells("Case LE1 2025", "Decision made: Home Office to be told"),
            LedElsewhere("Adult LE1", (C.TheirReference, "NS-DHR-31"), (C.Contact, "Morgan Contactperson"), (C.LatestUpdate, "Draft 2 shared with the panel."),
                (C.UpdateAsAt, "15/10/2025")));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var result = await Handler.ImportAsync(officer, sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(result.Value.Problems);
        Assert.Equal((2, 2), (result.Value.Rows, result.Value.ImportedCount));
        Assert.Equal("Case LE1 2025", Assert.Single(result.Value.Imported).CaseLabel);
        var imported = Assert.Single(result.Value.LedElsewhere);
        Assert.Equal((3, "Adult LE1", "Northshire CSP", ElsewhereStage.DraftReport), (imported.Row, imported.CaseLabel, imported.LeadCsp, imported.Stage));
        await Portal.WithDbAsync(async db =>
        {
            var record = await db.ReviewsLedElsewhere.SingleAsync(r => r.Id == imported.Id);
            Assert.Equal(("Northshire", "NS-DHR-31", new DateOnly(2025, 9, 1)), (record.Area, record.TheirReference, record.KnownSince));
            Assert.StartsWith(Workflows.Data.AtRest.Prefix, record.ContactName, StringComparison.Ordinal);
            var update = await db.ElsewhereUpdates.SingleAsync(u => u.RecordId == imported.Id);
            Assert.Equal((new DateOnly(2025, 10, 15), ElsewhereStage.DraftReport, "Draft 2 shared with the panel."), (update.AsAt, update.Stage, update.Text));
            var audit = await db.AuditEvents.SingleAsync(a => a.Subject == "Review led elsewhere" && a.SubjectId == imported.Id.ToString());
            Assert.Contains("imported from a tracker (row 3)", audit.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("Morgan", audit.Detail, StringComparison.Ordinal);
            return 0;
        });

        // The register lists it among the reviews led elsewhere (the page marks that list so), with its stage.
        var register = await Portal.Get<Workflows.Elsewhere.ReviewsLedElsewhereQuery>().ListAsync(officer, new Workflows.Reviews.RegisterFilter(Search: "Adult LE1"));
        var listed = Assert.Single(register);
        Assert.Equal((imported.Id, "Rutland CSP, Leicestershire Police", (ElsewhereStage?)ElsewhereStage.DraftReport), (listed.Id, listed.TakesPart, listed.Stage));
        var page = (await Portal.Get<Workflows.Elsewhere.ReviewsLedElsewhereQuery>().GetAsync(officer, imported.Id)).Value!;
        Assert.Equal(("Morgan Contactperson", "Draft 2 shared with the panel."), (page.Details.ContactName, page.Latest!.Text));

        // The board's involvement section: from the day the office heard of it; the stage from the update's date.
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        async Task<InvolvementRow?> AsAt(DateOnly date) =>
            (await Portal.Get<BoardReportQuery>().HandleAsync(board, rutland, date)).Value!.Involvement.SingleOrDefault(i => i.CaseLabel == "Adult LE1");
        Assert.Null(await AsAt(new DateOnly(2025, 8, 31)));
        Assert.Equal(new InvolvementRow("NS-DHR-31", "Adult LE1", "Northshire CSP, Northshire (led elsewhere)", "Stage not recorded", LedElsewhere: true),
            await AsAt(new DateOnly(2025, 9, 30)));
        Assert.Equal("Draft report, as at 15 Oct 2025: Draft 2 shared with the panel.", (await AsAt(new DateOnly(2025, 10, 31)))!.Position);
    }

    [Fact]
    public async Task Import_ABadRowLedElsewhere_RefusesTheWholeFile_NamingTheColumn_NothingSaved()
    {
        var before = await Portal.WithDbAsync(async db => (await db.Reviews.CountAsync(), await db.ReviewsLedElsewhere.CountAsync()));
        using var sheet = Workbook(
            Cells("Case LE2 2025", "Decision made: Home Office to be told"),
            LedElsewhere("Adult LE2"),
            LedElsewhere("Adult LE3", (C.TakingPart, "Ashford CSP"), (C.Outcome, "Criteria met")));

        var result = await Handler.ImportAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), sheet, "tracker.xlsx");

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(
            [
                (4, C.Outcome, "A review led elsewhere (\"Led by\" is filled in) has no \"CRG outcome\": the area that leads it keeps its history. Clear this cell, or clear \"Led by\" if your office leads the review."),
                (4, C.TakingPart, "\"Ashford CSP\" is neither a CSP your office serves nor an agency in the portal: use the names as the portal shows them (see the lists in the template), separated by \";\"."),
            ],
            result.Value.Problems.Select(p => (p.Row, p.Column, p.Message)));
        Assert.Equal(0, result.Value.ImportedCount);
        Assert.Equal(before, await Portal.WithDbAsync(async db => (await db.Reviews.CountAsync(), await db.ReviewsLedElsewhere.CountAsync())));
    }

    [Fact]
    public async Task Check_AMalformedWorkbook_SaysSoAndLogsWhy_WithoutItsNameOrContents()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        using var sheet = new MemoryStream(HostileSheets.MalformedXml());

        var result = await Handler.CheckAsync(officer, sheet, "Smith family tracker.xlsx");

        Assert.Equal("The file could not be read as an Excel workbook (.xlsx): open it in Excel, save it as .xlsx and try again.", result.Error!.Message);
        var line = Assert.Single(Portal.Logs.Lines, l => l.Category == typeof(ImportReviewsHandler).FullName && l.Message.Contains(officer.UserId, StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("Unreadable XmlException", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ByAnAuthor_IsRefusedAndAudited()
    {
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        using var sheet = Csv(Row("Case R1 2025", "Notification received"));

        var result = await Handler.CheckAsync(author, sheet, "tracker.csv");

        Assert.IsType<Domain.AccessRefused>(result.Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == AuditAction.Refused && a.Subject == "Import")));
    }
}

public sealed class ImportSqliteTests(SqliteFixture fixture) : ImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ImportPostgresTests(PostgresFixture fixture) : ImportTests(fixture), IClassFixture<PostgresFixture>;
