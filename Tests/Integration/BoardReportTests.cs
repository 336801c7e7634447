using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Import;
using Workflows.Panels;
using Workflows.Process;
using Workflows.Reports;
using Workflows.Reviews;
using Workflows.Themes;

namespace Portal.Integration.Tests;

/// A data set built through the engine: reviews of one new CSP in each board stage, with holds, moved on day by day
/// in business time; the board report as at 15 Feb 2027 must match the expected table cell by cell.
public abstract class BoardReportTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private static readonly DateOnly AsOf = new(2027, 2, 15);

    private sealed record Case(int Id, string Reference, string Label)
    {
        public string Cell => $"{Label} ({Reference})";
    }

    private void At(int year, int month, int day) =>
        Portal.Time.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));

    private async Task<Case> RegisterAsync(int leadCspId, string tag, int[]? involved = null, string? summary = null, string? names = null, DateOnly? notified = null)
    {
        var on = notified ?? new DateOnly(2026, 12, 1);
        var died = on.AddMonths(-1);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var police = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync());
        var label = $"Case {tag} {Guid.NewGuid():N}"[..18];
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(officer, new Notification(
            ReviewType.Dardr, false, false, false, leadCspId, involved ?? [], police, on, died.Year, died.Month, 1,
            label, names, null, summary ?? "A summary."));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return new Case(result.Value.Id, result.Value.Reference, result.Value.CaseLabel);
    }

    private Task FireAsync(Case c, Trigger trigger) => FireAsync(c, TriggerArgs.For(trigger));

    private async Task FireAsync(Case c, TriggerArgs args)
    {
        var result = await Portal.Get<WorkflowEngine>().FireAsync(c.Id, args, await Portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, $"{args.Trigger} on {c.Label}: {result.Error?.Message}");
    }

    private Task FireAllAsync(IEnumerable<Case> cases, Trigger trigger) => FireAllAsync(cases, TriggerArgs.For(trigger));

    private async Task FireAllAsync(IEnumerable<Case> cases, TriggerArgs args)
    {
        foreach (var c in cases)
        {
            await FireAsync(c, args);
        }
    }

    private async Task<int> NewCspAsync(string name) => await Portal.WithDbAsync(async db =>
    {
        var office = await db.Organisations.SingleAsync(o => o.Code == "LR");
        var csp = new Organisation { Name = name, Kind = OrganisationKind.Csp, ServingOfficeId = office.Id };
        db.Organisations.Add(csp);
        await db.SaveChangesAsync();
        return csp.Id;
    });

    [Fact]
    public async Task BoardReport_FixtureThroughTheEngine_MatchesTheExpectedTablesAndTheDocx()
    {
        At(2026, 12, 1);
        var csp = await NewCspAsync($"Board Test CSP {Guid.NewGuid():N}"[..24]);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var a = await RegisterAsync(csp, "A", names: "Real Name Zed", summary: "Summary with personal data");
        var b = await RegisterAsync(csp, "B");
        var c = await RegisterAsync(csp, "C");
        var d = await RegisterAsync(csp, "D");
        var e = await RegisterAsync(csp, "E");
        var f = await RegisterAsync(csp, "F");
        var g = await RegisterAsync(csp, "G");
        var h = await RegisterAsync(rutland, "H", involved: [csp]);
        // i: an alternative review instead; j: criteria not met, then a Home Office direction; k: criteria not met.
        var i = await RegisterAsync(csp, "I");
        var j = await RegisterAsync(csp, "J");
        var k = await RegisterAsync(csp, "K");
        var author = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Author).Select(u => u.Id).SingleAsync());
        var decidedInDecember = new[] { b, c, d, f, g };

        At(2026, 12, 3);
        await FireAllAsync([.. decidedInDecember, h, i, j, k], Trigger.PresentToCrg);
        At(2026, 12, 10);
        await FireAllAsync(decidedInDecember, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        await FireAsync(i, new RecordCriteriaNotMetArgs { Comment = "Learning review agreed.", AlternativeReview = true });
        await FireAllAsync([j, k], new RecordCriteriaNotMetArgs { Comment = "Criteria not met." });
        At(2026, 12, 11);
        await FireAllAsync([c, d, f, g, j, k], Trigger.RecordHomeOfficeNotified);
        At(2026, 12, 14);
        await FireAllAsync([c, d, f, g], Trigger.RecordHomeOfficeAcknowledged);
        At(2026, 12, 15);
        await FireAsync(c, new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 6, 1) });
        At(2026, 12, 20);
        await FireAllAsync([d, f, g], new AppointAuthorArgs { AuthorUserId = author, FeePence = 1_250_000 });
        At(2027, 1, 5);
        await FireAsync(d, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2027, 3, 1) });
        // f's first panel: proposed on 5 Jan, scheduled for 20 Jan (a poll alone does not count).
        var meeting = await Portal.Get<ProposeMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), f.Id,
            new ProposeMeeting("Panel meeting 1", [new DateTime(2027, 1, 20, 10, 0, 0), new DateTime(2027, 1, 21, 10, 0, 0)]));
        Assert.True(meeting.IsSuccess, meeting.Error?.Message);
        At(2027, 1, 7);
        var (version, optionId) = await Portal.WithDbAsync(async db => (
            await db.PanelMeetings.Where(m => m.Id == meeting.Value).Select(m => m.Version).SingleAsync(),
            await db.MeetingOptions.Where(o => o.MeetingId == meeting.Value).OrderBy(o => o.StartsAtUtc).Select(o => o.Id).FirstAsync()));
        var scheduled = await Portal.Get<ScheduleMeetingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), meeting.Value,
            version, optionId, new MeetingPlace("Town hall", null));
        Assert.True(scheduled.IsSuccess, scheduled.Error?.Message);
        await FireAsync(e, Trigger.PresentToCrg);
        At(2027, 1, 12);
        await FireAsync(e, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        At(2027, 1, 13);
        await FireAsync(e, Trigger.RecordHomeOfficeNotified);
        At(2027, 1, 14);
        await FireAsync(e, Trigger.RecordHomeOfficeAcknowledged);
        // The direction restarts the review's steps from its own date; the CRG's decision keeps its date.
        At(2027, 1, 20);
        await FireAsync(j, TriggerArgs.For(Trigger.RecordHomeOfficeDirection));
        At(2027, 1, 25);
        await FireAsync(d, Trigger.Resume);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<ReviewThemesHandler>().AddUpdateAsync(officer, d.Id, "Draft 1 with panel")).IsSuccess);
        At(2027, 2, 1);
        await FireAllAsync([f, g], Trigger.SubmitForSignOff);
        At(2027, 2, 10);
        await FireAllAsync([f, g], Trigger.RecordSignedOff);
        At(2027, 2, 12);
        await FireAsync(g, Trigger.SubmitToHomeOffice);
        // Updates after the report date are not in it.
        At(2027, 2, 20);
        Assert.True((await Portal.Get<ReviewThemesHandler>().AddUpdateAsync(officer, d.Id, "Draft 2 with panel")).IsSuccess);

        // a's row as an import made after the report date would leave it: the report counts it from its notification.
        await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == a.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.CreatedAtUtc, new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc))));

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var result = await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, AsOf);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var report = result.Value;

        string[][] expected =
        [
            ["December 2026", "", c.Cell, $"{b.Cell}\n{i.Cell} (alternative review)\n{k.Cell} (criteria not met)", j.Cell, d.Cell + ": Draft 1 with panel", f.Cell, g.Cell],
            ["January 2027", "", "", "", e.Cell, "", "", ""],
            ["Not yet presented to the CRG", a.Cell, "", "", "", "", "", ""],
        ];
        // Cells list cases by reference: i, j and k were registered after b.
        var table = BoardReportText.InProgress(report);
        Assert.Equal(8, table.Header.Count);
        Assert.Equal("Referral awaiting decision", table.Header[1]);
        Assert.Equal(expected.Length, table.Rows.Count);
        for (var row = 0; row < expected.Length; row++)
        {
            for (var col = 0; col < expected[row].Length; col++)
            {
                Assert.True(expected[row][col] == table.Rows[row][col], $"row {row}, column {col}: expected '{expected[row][col]}', got '{table.Rows[row][col]}'");
            }
        }

        // Alternative reviews and "criteria not met" decisions are totalled apart from full reviews.
        Assert.Equal(["Total", "1", "1", "1 full, 1 alternative, 1 criteria not met", "2", "1", "1", "1"], table.Footer);

        var involvement = BoardReportText.Involvement(report);
        Assert.Equal([h.Reference, h.Label, "Rutland CSP", "Referral awaiting decision"], Assert.Single(involvement.Rows));

        var timeliness = BoardReportText.Timeliness(report).Rows.ToDictionary(r => r[0]);
        Assert.Equal([c.Cell, "9 days, on time", "5 days so far (+62 on hold)", "Not reached", "5 days so far (+62 on hold)", "Not reached", "62 days"], timeliness[c.Cell]);
        Assert.Equal([d.Cell, "9 days, on time", "10 days, on time", "37 days so far (+20 on hold)", "47 days so far (+20 on hold)", "Not reached", "20 days"], timeliness[d.Cell]);
        Assert.Equal([f.Cell, "9 days, on time", "10 days, on time", "31 days", "62 days, on time", "5 days so far", "0 days"], timeliness[f.Cell]);
        Assert.Equal([a.Cell, "76 days so far, overdue", "Not reached", "Not reached", "Not reached", "Not reached", "0 days"], timeliness[a.Cell]);
        // g signed off with no panel meeting recorded: that step stopped at sign-off and says so.
        Assert.Equal([g.Cell, "9 days, on time", "10 days, on time", "Not recorded", "62 days, on time", "5 days so far", "0 days"], timeliness[g.Cell]);
        // The CRG's decision is the alternative review's decision; its review's steps run from it.
        Assert.Equal([i.Cell, "9 days, on time", "67 days so far, overdue", "Not reached", "67 days so far", "Not reached", "0 days"], timeliness[i.Cell]);
        // A direction keeps the CRG's decision date (on time) and restarts the review's steps from 20 January.
        Assert.Equal([j.Cell, "9 days, on time", "26 days so far", "Not reached", "26 days so far", "Not reached", "0 days"], timeliness[j.Cell]);
        Assert.Equal([k.Cell, "9 days, on time", "Not reached", "Not reached", "Not reached", "Not reached", "0 days"], timeliness[k.Cell]);

        // The .docx holds the same three tables, cell for cell, then the summary's, with the "Not recorded" split last
        // (steps passed without their dates in this fixture).
        using var docx = new MemoryStream(BoardReportDocx.Build(report));
        var tables = BoardReportDocx.ReadTables(docx);
        Assert.Equal(6, tables.Count);
        var notRecorded = BoardReportText.SummaryNotRecorded(report);
        Assert.NotEmpty(notRecorded.Rows);
        Assert.Equal([notRecorded.Header, .. notRecorded.Rows], tables[5]);
        Assert.Equal([table.Header, .. table.Rows, table.Footer!], tables[0]);
        Assert.Equal([involvement.Header, .. involvement.Rows], tables[1]);
        var timelinessTable = BoardReportText.Timeliness(report);
        Assert.Equal([timelinessTable.Header, .. timelinessTable.Rows], tables[2]);
        var allText = string.Join(" ", tables.SelectMany(t => t).SelectMany(r => r));
        Assert.DoesNotContain("Real Name Zed", allText, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary with personal data", allText, StringComparison.Ordinal);

        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(x => x.UserEmail == DemoAccounts.BoardMember
            && x.Action == AuditAction.Viewed && x.Subject == "Board report" && x.SubjectId == csp.ToString())));
    }

    [Fact]
    public async Task BoardReport_StepsRecordedLate_CountFromTheDayTheyHappened_InThePictureAndTheTimeliness()
    {
        // Everything recorded today (the fixture's clock, wherever other tests left it): presented 2 days after the
        // notification 19 days ago, decided 9 days after it, an update as at 11 days after it.
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var notified = today.AddDays(-19);
        var csp = await NewCspAsync($"Late Steps CSP {Guid.NewGuid():N}"[..24]);
        var late = await RegisterAsync(csp, "L", notified: notified);
        await FireAsync(late, new PresentToCrgArgs { Date = notified.AddDays(2) });
        await FireAsync(late, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = notified.AddDays(9) });
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<ReviewThemesHandler>().AddUpdateAsync(officer, late.Id, "Chair sought", notified.AddDays(11))).IsSuccess);
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var month = notified.AddDays(2).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        async Task<(IReadOnlyList<string> Row, IReadOnlyList<string> Timeliness)> AsAt(DateOnly asOf)
        {
            var result = await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, asOf);
            Assert.True(result.IsSuccess, result.Error?.Message);
            return (Assert.Single(BoardReportText.InProgress(result.Value).Rows), Assert.Single(BoardReportText.Timeliness(result.Value).Rows));
        }

        Assert.Empty(BoardReportText.InProgress((await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, notified.AddDays(-1))).Value).Rows);

        var (row, timeliness) = await AsAt(notified.AddDays(4));
        Assert.Equal([month, late.Cell, "", "", "", "", "", ""], row);
        Assert.Equal("4 days so far", timeliness[1]);

        (row, timeliness) = await AsAt(notified.AddDays(10));
        Assert.Equal([month, "", "", late.Cell, "", "", "", ""], row);
        Assert.Equal("9 days, on time", timeliness[1]);

        // The update counts from its "as at" date, not from the day it was typed.
        (row, _) = await AsAt(notified.AddDays(11));
        Assert.Equal(late.Cell + ": Chair sought", row[3]);
    }

    [Fact]
    public async Task CriteriaNotMetReversedByTheCrg_RefusedWithoutAReasonOrWithABadDate_ThenJournaled_AndTheBoardCountsFromTheNewDecision()
    {
        // Notified 40 days ago, decided "not met" 9 days after, closed without a review after 15; the CRG reversed its
        // decision after a judicial review 35 days after the notification, recorded today.
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var notified = today.AddDays(-40);
        var csp = await NewCspAsync($"Reversal CSP {Guid.NewGuid():N}"[..22]);
        var c = await RegisterAsync(csp, "R", notified: notified);
        await FireAsync(c, new PresentToCrgArgs { Date = notified.AddDays(2) });
        await FireAsync(c, new RecordCriteriaNotMetArgs { Comment = "Not met.", Date = notified.AddDays(9) });
        await FireAsync(c, new RecordHomeOfficeNotifiedArgs { Date = notified.AddDays(10) });
        await FireAsync(c, new CloseWithoutReviewArgs { Date = notified.AddDays(15) });

        var engine = Portal.Get<WorkflowEngine>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var version = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == c.Id).Select(r => r.Version).SingleAsync());
        async Task<IEnumerable<(string?, string)>> RefusedAsync(ReverseCriteriaNotMetArgs args)
        {
            var result = await engine.FireAsync(c.Id, args, officer, Guid.NewGuid().ToString());
            return Assert.IsType<ValidationFailed>(result.Error).Errors.Select(e => (e.Field, e.Message));
        }

        var valid = new ReverseCriteriaNotMetArgs { Reason = DecisionReversalReason.JudicialReview, Comment = "The court quashed the decision.", Date = notified.AddDays(35) };
        Assert.Equal([("Reason", "Choose why the decision was reversed: a judicial review, an appeal or new information.")],
            await RefusedAsync(valid with { Reason = null }));
        Assert.Equal([("Comment", "Give the CRG's rationale for the new decision.")], await RefusedAsync(valid with { Comment = " " }));
        Assert.Equal([("Date", "The date cannot be in the future.")], await RefusedAsync(valid with { Date = today.AddDays(1) }));
        // Before the decision it reverses, and so before the closing that came after it.
        Assert.Equal([("Date", $"The date cannot be before the step before it (Close: the Home Office accepted that no review is needed, {UkDate.Format(notified.AddDays(15))}): check it.")],
            await RefusedAsync(valid with { Date = notified.AddDays(8) }));
        var unchanged = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == c.Id));
        Assert.Equal((version, Stage.Closed), (unchanged.Version, unchanged.Stage));

        await FireAsync(c, valid);
        var review = await Portal.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == c.Id));
        Assert.Equal((Stage.DecisionNotified, CrgOutcome.CriteriaMet, notified.AddDays(35), (DateOnly?)null), (review.Stage, review.CrgOutcome!.Value, review.DecidedOn!.Value, review.ClosedOn));
        var entry = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(j => j.ReviewId == c.Id && j.Trigger == Trigger.ReverseCriteriaNotMet));
        Assert.Equal((notified.AddDays(35), "The court quashed the decision.", officer.UserId), (entry.OccurredOn, entry.Comment, entry.UserId));
        Assert.Contains("(judicial review): the criteria are met.", entry.Detail, StringComparison.Ordinal);
        var clocks = await Portal.WithDbAsync(db => db.ReviewClocks.Where(k => k.ReviewId == c.Id && k.Status == ClockStatus.Running).Select(k => new { k.Kind, k.StartDate }).ToListAsync());
        Assert.Equal([ClockKind.HomeOfficeNotification, ClockKind.Appointment, ClockKind.Completion], clocks.Select(k => k.Kind).Order());
        Assert.All(clocks, k => Assert.Equal(notified.AddDays(35), k.StartDate));

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        async Task<BoardReport> AsAt(DateOnly asOf) => (await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, asOf)).Value!;
        var month = notified.AddDays(2).ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

        // Before the reversal the case was closed without a review: neither in progress nor timed.
        var before = await AsAt(notified.AddDays(20));
        Assert.Empty(BoardReportText.InProgress(before).Rows);
        Assert.Empty(before.Timeliness);
        // From it, a full review awaiting the Home Office whose decision is the new one.
        var after = await AsAt(notified.AddDays(36));
        Assert.Equal([month, "", "", c.Cell, "", "", "", ""], Assert.Single(BoardReportText.InProgress(after).Rows));
        Assert.Equal("35 days, late", Assert.Single(BoardReportText.Timeliness(after).Rows)[1]);
    }

    /// The summary figures as at 31 Mar 2025 and 31 Oct 2025, from reviews registered and backdated, one imported, an
    /// alternative review, a stopped one, one held and resumed, one closed as not met, one awaiting its decision, and one
    /// led by another CSP that this CSP takes part in (not counted). Each figure worked out by hand beside it.
    [Fact]
    public async Task BoardSummary_RegisteredImportedBackdated_AsAtTwoPastDates_PageAndDocxAlike()
    {
        static DateOnly D(int y, int m, int d) => new(y, m, d);
        var today = London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var cspName = $"Summary CSP {Guid.NewGuid():N}"[..22];
        var csp = await NewCspAsync(cspName);
        var rutland = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var author = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Author).Select(u => u.Id).SingleAsync());

        // R: notified 3 Mar 2025 (died February), decided 31 Mar (28 days, on time: the last day of 2024-25), author
        // 1 May (31 days, due 30 Apr: late), on hold 30 Jun to 4 Aug (35 days), signed off 6 Oct (189 days, 154 without
        // the hold: on time against 30 Sep + 35 days) with no panel meeting recorded, submitted 10 Oct (8 months after the death).
        var r = await RegisterAsync(csp, "R", notified: D(2025, 3, 3));
        await FireAsync(r, new PresentToCrgArgs { Date = D(2025, 3, 10) });
        await FireAsync(r, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = D(2025, 3, 31) });
        await FireAsync(r, new RecordHomeOfficeNotifiedArgs { Date = D(2025, 4, 1) });
        await FireAsync(r, new RecordHomeOfficeAcknowledgedArgs { Date = D(2025, 4, 2) });
        await FireAsync(r, new AppointAuthorArgs { AuthorUserId = author, FeePence = 1_250_000, Date = D(2025, 5, 1) });
        await FireAsync(r, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = today.AddDays(30), Date = D(2025, 6, 30) });
        await FireAsync(r, new ResumeArgs { Date = D(2025, 8, 4) });
        await FireAsync(r, new SubmitForSignOffArgs { Date = D(2025, 10, 1) });
        await FireAsync(r, new RecordSignedOffArgs { Date = D(2025, 10, 6) });
        await FireAsync(r, new SubmitToHomeOfficeArgs { Date = D(2025, 10, 10) });
        // A: an alternative review agreed 1 Jul 2025 (29 days, due 2 Jul: on time), awaiting the Home Office.
        var a = await RegisterAsync(csp, "A", notified: D(2025, 6, 2));
        await FireAsync(a, new PresentToCrgArgs { Date = D(2025, 6, 9) });
        await FireAsync(a, new RecordCriteriaNotMetArgs { Comment = "Learning review agreed.", AlternativeReview = true, Date = D(2025, 7, 1) });
        await FireAsync(a, new RecordHomeOfficeNotifiedArgs { Date = D(2025, 7, 3) });
        // S: decided 14 Apr 2025 (13 days), stopped 1 Sep 2025 with the Home Office's agreement.
        var stopped = await RegisterAsync(csp, "S", notified: D(2025, 4, 1));
        await FireAsync(stopped, new PresentToCrgArgs { Date = D(2025, 4, 7) });
        await FireAsync(stopped, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = D(2025, 4, 14) });
        await FireAsync(stopped, new RecordHomeOfficeNotifiedArgs { Date = D(2025, 4, 15) });
        await FireAsync(stopped, new RecordHomeOfficeAcknowledgedArgs { Date = D(2025, 4, 16) });
        await FireAsync(stopped, new StopReviewArgs { Comment = "The Home Office agreed to stop the review.", Date = D(2025, 9, 1) });
        // N: criteria not met 19 May 2025 (14 days), closed 1 Jul. W: notified 1 Sep 2025, still awaiting the CRG.
        var n = await RegisterAsync(csp, "N", notified: D(2025, 5, 5));
        await FireAsync(n, new PresentToCrgArgs { Date = D(2025, 5, 12) });
        await FireAsync(n, new RecordCriteriaNotMetArgs { Comment = "Criteria not met.", Date = D(2025, 5, 19) });
        await FireAsync(n, new RecordHomeOfficeNotifiedArgs { Date = D(2025, 5, 20) });
        await FireAsync(n, new CloseWithoutReviewArgs { Date = D(2025, 7, 1) });
        var w = await RegisterAsync(csp, "W", notified: D(2025, 9, 1));
        await FireAsync(w, new PresentToCrgArgs { Date = D(2025, 9, 8) });
        // H: notified 20 Jan 2026 (after both dates), on hold 25 Jan to 5 Feb, decided 1 Mar 2026.
        var h = await RegisterAsync(csp, "H", notified: D(2026, 1, 20));
        await FireAsync(h, new PutOnHoldArgs { HoldReason = HoldReason.PoliceInvestigation, ExpectedReviewDate = today.AddDays(30), Date = D(2026, 1, 25) });
        await FireAsync(h, new ResumeArgs { Date = D(2026, 2, 5) });
        // Led by Rutland, this CSP takes part: its involvement, not one of its reviews.
        var led = await RegisterAsync(rutland, "X", involved: [csp], notified: D(2025, 2, 10));
        await FireAsync(led, new PresentToCrgArgs { Date = D(2025, 2, 12) });
        await FireAsync(led, new RecordCriteriaMetArgs { Comment = "Criteria met.", Date = D(2025, 2, 20) });
        // I: imported from the office's tracker today: notified 3 Feb 2025, decided 24 Feb (21 days), author 1 Apr (36 days: late).
        string[] headings = ["Case label", "Lead CSP", "Type", "Notifying agency", "Month of death", "Date notified", "First presented to CRG", "CRG decision",
            "Chair/author appointed", "Current stage"];
        var importedLabel = $"Case I {Guid.NewGuid():N}"[..18];
        using var sheet = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join(",", headings) + "\r\n" + string.Join(",", importedLabel, cspName, "DHR", "Leicestershire Police", "01/2025", "03/02/2025", "10/02/2025", "24/02/2025", "01/04/2025",
                "Panel and report writing")));
        var import = await Portal.Get<ImportReviewsHandler>().ImportAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), sheet, "tracker.csv");
        Assert.True(import.IsSuccess, import.Error?.Message);
        Assert.True(import.Value.Problems.Count == 0, string.Join("; ", import.Value.Problems.Select(p => p.Message)));

        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        async Task<BoardReport> AsAt(DateOnly asOf)
        {
            var result = await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, asOf);
            Assert.True(result.IsSuccess, result.Error?.Message);
            return result.Value;
        }

        static IReadOnlyList<string> Figures(BoardReport report) => BoardReportText.SummaryCounts(report).Rows.Select(x => x[1]).ToList();
        static string[] NoCases(int n) => Enumerable.Repeat(BoardReportText.NoCase, n).ToArray();

        // 31 Mar 2025: I and R notified, both decided (21 and 28 days), both ongoing.
        var march = await AsAt(D(2025, 3, 31));
        // Notified, awaiting, not met, full, alternative, completed, published, ongoing, on hold, stopped.
        Assert.Equal(["2", "0", "0", "2", "0", "0", "0", "2", "0", "0"], Figures(march));
        var marchYears = BoardReportText.SummaryYears(march);
        Assert.Equal([["2024-25 (Apr 2024 to Mar 2025)", "2 of 2 on time (100%), median 24.5 days", .. NoCases(5)]], marchYears.Rows);
        Assert.Equal(["Not recorded (left out)", "0", "0", "0", "0", "0", "0"], marchYears.Footer);

        // 31 Jul 2025: R on hold.
        Assert.Equal("1", Figures(await AsAt(D(2025, 7, 31)))[8]);

        // 31 Oct 2025: R completed (sent), I and A ongoing, S stopped, N not met, W awaiting; H not yet notified.
        var october = await AsAt(D(2025, 10, 31));
        Assert.Equal(["6", "1", "1", "3", "1", "1", "0", "2", "0", "1"], Figures(october));
        var octoberYears = BoardReportText.SummaryYears(october);
        Assert.Equal(
        [
            // Decisions: S 13, N 14, A 29 days; authors: I 36 and R 31 days, both late; R's sign-off 154 days; R sent 8 months after the death.
            ["2025-26 (Apr 2025 to Mar 2026)", "3 of 3 on time (100%), median 14 days", "0 of 2 on time (0%), median 33.5 days", BoardReportText.NoCase,
                "1 of 1 on time (100%), median 154 days", BoardReportText.NoCase, "1 case, median 8 months"],
            ["2024-25 (Apr 2024 to Mar 2025)", "2 of 2 on time (100%), median 24.5 days", .. NoCases(5)],
        ], octoberYears.Rows);
        // R's first panel was passed without a date; S's open steps ended with it and are not counted.
        Assert.Equal(["Not recorded (left out)", "0", "0", "1", "0", "0", "0"], octoberYears.Footer);
        // Split by financial year: R's first panel was passed by its sign-off on 6 Oct 2025, in 2025-26.
        Assert.Equal([["2025-26 (Apr 2025 to Mar 2026)", "0", "0", "1", "0", "0", "0"]], BoardReportText.SummaryNotRecorded(october).Rows);
        Assert.Empty(BoardReportText.SummaryNotRecorded(march).Rows);

        // The .docx prints the same tables after the others, cell for cell (the split of "Not recorded" when there is any),
        // and passes the Open XML SDK's validator.
        foreach (var report in new[] { march, october })
        {
            var bytes = BoardReportDocx.Build(report);
            using var docx = new MemoryStream(bytes);
            var tables = BoardReportDocx.ReadTables(docx);
            var counts = BoardReportText.SummaryCounts(report);
            var years = BoardReportText.SummaryYears(report);
            var notRecorded = BoardReportText.SummaryNotRecorded(report);
            var last = notRecorded.Rows.Count == 0 ? tables.Count : tables.Count - 1;
            Assert.Equal([counts.Header, .. counts.Rows], tables[last - 2]);
            Assert.Equal([years.Header, .. years.Rows, years.Footer!], tables[last - 1]);
            if (notRecorded.Rows.Count > 0)
            {
                Assert.Equal([notRecorded.Header, .. notRecorded.Rows], tables[^1]);
            }

            using var package = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(package));
        }
    }

    [Fact]
    public async Task BoardReport_NeedToKnow_RefusesOtherOfficesAndCaseRecordsForBoardMembers()
    {
        var lrCsp = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var refused = await Portal.Get<BoardReportQuery>().HandleAsync(kent, lrCsp, AsOf);
        Assert.IsType<AccessRefused>(refused.Error);
        foreach (var who in new[] { DemoAccounts.CrgMember, DemoAccounts.Admin, DemoAccounts.AgencyContact, DemoAccounts.Author })
        {
            Assert.IsType<AccessRefused>((await Portal.Get<BoardReportQuery>().HandleAsync(await Portal.ActorAsync(who), lrCsp, AsOf)).Error);
        }

        Assert.True((await Portal.Get<BoardReportQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), lrCsp, AsOf)).IsSuccess);

        // A board member reads reports, never a case record, its themes or its updates.
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var reviewId = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 20));
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(board, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ReviewThemesHandler>().GetAsync(board, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ReviewThemesHandler>().AddUpdateAsync(board, reviewId, "x")).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ReviewThemesHandler>().SetThemesAsync(kent, reviewId, [1])).Error);
        var refusals = await Portal.WithDbAsync(db => db.AuditEvents.Where(x => x.Action == AuditAction.Refused && x.SubjectId == reviewId.ToString())
            .Select(x => x.UserEmail).ToListAsync());
        Assert.Equal(3, refusals.Count(x => x == DemoAccounts.BoardMember));
        Assert.Contains(DemoAccounts.KentOfficer, refusals);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.CaseUpdates.CountAsync(u => u.ReviewId == reviewId)));
    }
}

public sealed class SqliteBoardReportTests(SqliteFixture fixture) : BoardReportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBoardReportTests(PostgresFixture fixture) : BoardReportTests(fixture), IClassFixture<PostgresFixture>;
