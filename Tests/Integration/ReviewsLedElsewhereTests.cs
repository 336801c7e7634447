using Domain;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Data;
using Workflows.Elsewhere;
using Workflows.Reports;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Reviews led outside the portal, kept by hand, on a real database of each provider: recording one with dated updates,
/// the board's involvement section as at past dates, the register, and need-to-know (only the office that keeps it).
public abstract class ReviewsLedElsewhereTests(ProviderFixture fixture)
{
    private const string ContactName = "Morgan Contactperson";
    private static readonly DateOnly HeardOf = new(2026, 9, 1);

    private PortalFactory Portal => fixture.Portal;

    private Task<int> OrgAsync(string name) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private static string Label() => $"Adult {Guid.NewGuid():N}"[..16];

    private async Task<(int Id, string Label)> RecordAsync(string csp = "Rutland CSP", DateOnly? heardOf = null)
    {
        var label = Label();
        var details = new ElsewhereDetails("Northshire", "Northshire CSP", "NS-DHR-12", label, await OrgAsync(csp), await OrgAsync("Leicestershire Police"),
            ContactName, "morgan@northshire.example.org", "0116 496 0000", heardOf ?? HeardOf);
        var result = await Portal.Get<RecordReviewLedElsewhereHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new RecordReviewLedElsewhere(details, ElsewhereStage.AwaitingDecision, null));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return (result.Value, label);
    }

    private async Task UpdateAsync(int id, DateOnly asAt, ElsewhereStage stage, string text, string who = DemoAccounts.LrManager)
    {
        var result = await Portal.Get<AddElsewhereUpdateHandler>().HandleAsync(await Portal.ActorAsync(who), new AddElsewhereUpdate(id, asAt, stage, text));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    private async Task<IReadOnlyList<InvolvementRow>> InvolvementAsync(string label, DateOnly asOf, string scope, string who = DemoAccounts.BoardMember)
    {
        var report = await Portal.Get<BoardReportQuery>().HandleAsync(await Portal.ActorAsync(who), await OrgAsync(scope), asOf);
        Assert.True(report.IsSuccess, report.Error?.Message);
        return report.Value.Involvement.Where(i => i.CaseLabel == label).ToList();
    }

    private const string Office = "Leicestershire & Rutland Safeguarding Partnerships Business Office";

    [Fact]
    public async Task BoardInvolvement_AsAtPastDates_ShowsTheStageAndUpdateThenStanding()
    {
        var (id, label) = await RecordAsync();
        await UpdateAsync(id, new DateOnly(2026, 9, 20), ElsewhereStage.UnderWay, "Panel met; our police chronology asked for.");
        await UpdateAsync(id, new DateOnly(2026, 10, 5), ElsewhereStage.DraftReport, "Draft 1 shared with the panel.");

        // Before the office heard of it: not in the report.
        Assert.Empty(await InvolvementAsync(label, new DateOnly(2026, 8, 31), Office));

        var september = Assert.Single(await InvolvementAsync(label, new DateOnly(2026, 9, 25), Office));
        Assert.Equal(new InvolvementRow("NS-DHR-12", label, "Northshire CSP, Northshire (led elsewhere)",
            "Review under way, as at 20 Sep 2026: Panel met; our police chronology asked for.", LedElsewhere: true), september);
        var october = Assert.Single(await InvolvementAsync(label, new DateOnly(2026, 10, 31), "Rutland CSP"));
        Assert.Equal("Draft report, as at 5 Oct 2026: Draft 1 shared with the panel.", october.Position);
        // The first entry, as at the day the office heard of it.
        Assert.Equal("Awaiting the decision to review, as at 1 Sep 2026", Assert.Single(await InvolvementAsync(label, HeardOf, Office)).Position);
        // Another CSP's report does not list it; the page and the .docx share the table's words.
        Assert.Empty(await InvolvementAsync(label, new DateOnly(2026, 10, 31), "Charnwood CSP"));
        var report = (await Portal.Get<BoardReportQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.BoardMember), await OrgAsync(Office),
            new DateOnly(2026, 10, 31))).Value;
        Assert.Contains(BoardReportText.Involvement(report).Rows, r => r.SequenceEqual(["NS-DHR-12", label, "Northshire CSP, Northshire (led elsewhere)",
            "Draft report, as at 5 Oct 2026: Draft 1 shared with the panel."]));
    }

    [Fact]
    public async Task Record_KeepsTheContactProtectedAtRest_AndOutOfTheAuditAndLogs()
    {
        var (id, label) = await RecordAsync();

        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var view = (await Portal.Get<ReviewsLedElsewhereQuery>().GetAsync(officer, id)).Value;
        Assert.Equal((ContactName, "morgan@northshire.example.org", "0116 496 0000"), (view.Details.ContactName, view.Details.ContactEmail, view.Details.ContactPhone));
        Assert.Equal((label, "Rutland CSP", "Leicestershire Police", true), (view.Details.CaseLabel, view.CspName, view.AgencyName, view.CanChange));
        var first = Assert.Single(view.Updates);
        Assert.Equal((HeardOf, ElsewhereStage.AwaitingDecision, (string?)null), (first.AsAt, first.Stage, first.Text));
        await Portal.WithDbAsync(async db =>
        {
            var row = await db.ReviewsLedElsewhere.SingleAsync(r => r.Id == id);
            Assert.All(new[] { row.ContactName, row.ContactEmail, row.ContactPhone }, v => Assert.True(AtRest.IsProtected(v)));
            Assert.DoesNotContain("Morgan", row.ContactName, StringComparison.Ordinal);
            var audit = await db.AuditEvents.Where(a => a.Subject == ElsewhereAccess.Subject && a.SubjectId == id.ToString()).ToListAsync();
            Assert.Contains(audit, a => a.Action == AuditAction.Created);
            Assert.Contains(audit, a => a.Action == AuditAction.Viewed);
            Assert.DoesNotContain(audit, a => a.Detail!.Contains("Morgan", StringComparison.Ordinal) || a.Detail.Contains("northshire.example", StringComparison.Ordinal));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.TextBody.Contains("Morgan") || m.HtmlBody.Contains("Morgan")));
            return 0;
        });
        Assert.DoesNotContain(Portal.Logs.Lines, l => l.Message.Contains("Morgan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadInput_EachFieldHasAMessage_AndNothingIsSaved()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var today = Portal.Get<Workflows.Time.BusinessClock>().Today;
        var before = await Portal.WithDbAsync(db => db.ReviewsLedElsewhere.CountAsync());
        var kentCsp = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.Csp && o.ServingOffice!.Code == "KT")
            .Select(o => o.Id).FirstAsync());

        var empty = await Portal.Get<RecordReviewLedElsewhereHandler>().HandleAsync(officer,
            new RecordReviewLedElsewhere(new ElsewhereDetails(null, " ", null, null, null, null, null, "nope", null, today.AddDays(1)), null, null));
        var notOurs = await Portal.Get<RecordReviewLedElsewhereHandler>().HandleAsync(officer, new RecordReviewLedElsewhere(
            new ElsewhereDetails("Kent", "Kent CSP", null, Label(), kentCsp, null, ContactName, null, null, HeardOf), ElsewhereStage.UnderWay, null));

        Assert.Equal(["Area", "LeadCsp", "CaseLabel", "CspId", "ContactName", "ContactEmail", "KnownSince", "Stage"],
            Assert.IsType<ValidationFailed>(empty.Error).Errors.Select(e => e.Field));
        var notOursError = Assert.Single(Assert.IsType<ValidationFailed>(notOurs.Error).Errors);
        Assert.Equal(("CspId", "Choose one of the CSPs your office serves."), (notOursError.Field, notOursError.Message));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.ReviewsLedElsewhere.CountAsync()));

        var (id, _) = await RecordAsync();
        var updates = Portal.Get<AddElsewhereUpdateHandler>();
        var future = await updates.HandleAsync(officer, new AddElsewhereUpdate(id, today.AddDays(1), ElsewhereStage.UnderWay, "Panel met."));
        var early = await updates.HandleAsync(officer, new AddElsewhereUpdate(id, HeardOf.AddDays(-1), null, " "));
        Assert.Equal(["AsAt"], Assert.IsType<ValidationFailed>(future.Error).Errors.Select(x => x.Field));
        Assert.Equal(["AsAt", "Stage", "Text"], Assert.IsType<ValidationFailed>(early.Error).Errors.Select(x => x.Field));
        Assert.Equal(1, await Portal.WithDbAsync(db => db.ElsewhereUpdates.CountAsync(u => u.RecordId == id)));
    }

    [Fact]
    public async Task ChangeDetails_AuditsTheFieldsChanged_AndAStaleFormIsAConflict()
    {
        var (id, label) = await RecordAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var view = (await Portal.Get<ReviewsLedElsewhereQuery>().GetAsync(officer, id)).Value;
        var change = Portal.Get<ChangeReviewLedElsewhereHandler>();

        var changed = await change.HandleAsync(officer, new ChangeReviewLedElsewhere(id, view.Details with { ContactPhone = "0116 496 0999", TheirReference = "NS-7" }, view.Version));
        var stale = await change.HandleAsync(officer, new ChangeReviewLedElsewhere(id, view.Details with { Area = "Southshire" }, view.Version));
        var afterFirstUpdate = await change.HandleAsync(officer, new ChangeReviewLedElsewhere(id, view.Details with { KnownSince = HeardOf.AddDays(1) }, changed.Value));

        Assert.Equal(view.Version + 1, changed.Value);
        Assert.IsType<Conflict>(stale.Error);
        Assert.Equal(["KnownSince"], Assert.IsType<ValidationFailed>(afterFirstUpdate.Error).Errors.Select(e => e.Field));
        var now = (await Portal.Get<ReviewsLedElsewhereQuery>().GetAsync(officer, id)).Value;
        Assert.Equal(("0116 496 0999", "NS-7", "Northshire", HeardOf), (now.Details.ContactPhone, now.Details.TheirReference, now.Details.Area, now.Details.KnownSince));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Subject == ElsewhereAccess.Subject && a.SubjectId == id.ToString()
            && a.Detail == "review led elsewhere changed: their reference, contact's phone")));
        Assert.Equal(label, now.Details.CaseLabel);
    }

    [Fact]
    public async Task Register_ListsThemMarked_ForTheOfficeThatKeepsThem_WithTheRegistersFilters()
    {
        var (id, label) = await RecordAsync();
        await UpdateAsync(id, Portal.Get<Workflows.Time.BusinessClock>().Today, ElsewhereStage.WithHomeOffice, "Sent to the Home Office.");
        var query = Portal.Get<ReviewsLedElsewhereQuery>();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var row = Assert.Single(await query.ListAsync(officer, new RegisterFilter(Search: label.ToUpperInvariant())));
        Assert.Equal(new ElsewhereRow(id, "NS-DHR-12", label, "Northshire CSP", "Northshire", "Rutland CSP, Leicestershire Police", ElsewhereStage.WithHomeOffice, HeardOf), row);
        Assert.Contains(await query.ListAsync(officer, new RegisterFilter(CspId: await OrgAsync("Rutland CSP"), Year: 2026)), r => r.Id == id);
        Assert.DoesNotContain(await query.ListAsync(officer, new RegisterFilter(CspId: await OrgAsync("Charnwood CSP"))), r => r.Id == id);
        Assert.DoesNotContain(await query.ListAsync(officer, new RegisterFilter(Year: 2025)), r => r.Id == id);
        // Type and stage belong to the reviews the portal runs.
        Assert.Empty(await query.ListAsync(officer, new RegisterFilter(Type: ReviewType.Dardr)));
        Assert.Empty(await query.ListAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), new RegisterFilter()));
        Assert.Empty(await query.ListAsync(await Portal.ActorAsync(DemoAccounts.Dpo), new RegisterFilter()));
    }

    public static TheoryData<string, bool, bool> Readers => new()
    {
        // account, reads, keeps
        { DemoAccounts.LrOfficer, true, true },
        { DemoAccounts.LrManager, true, true },
        { DemoAccounts.BoardMember, true, false },
        { DemoAccounts.KentOfficer, false, false },
        { DemoAccounts.Dpo, false, false },
        { DemoAccounts.Author, false, false },
        { DemoAccounts.AgencyContact, false, false },
        { DemoAccounts.CrgMember, false, false },
        { DemoAccounts.Admin, false, false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task NeedToKnow_OnlyTheOfficeThatKeepsIt_AndEveryRefusalIsAudited(string account, bool reads, bool keeps)
    {
        var (id, _) = await RecordAsync();
        var actor = await Portal.ActorAsync(account);
        Task<int> RefusalsAsync() => Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused
            && a.Subject == ElsewhereAccess.Subject && a.SubjectId == id.ToString()));
        var before = await RefusalsAsync();

        var read = await Portal.Get<ReviewsLedElsewhereQuery>().GetAsync(actor, id);
        var kept = await Portal.Get<AddElsewhereUpdateHandler>().HandleAsync(actor,
            new AddElsewhereUpdate(id, HeardOf.AddDays(3), ElsewhereStage.UnderWay, "Panel met."));

        Assert.Equal(reads, read.IsSuccess);
        Assert.Equal(keeps, kept.IsSuccess);
        if (reads)
        {
            // A board member reads where it stands, not the contact.
            Assert.Equal(keeps, read.Value.CanChange);
            Assert.Equal(keeps ? ContactName : null, read.Value.Details.ContactName);
        }
        else
        {
            Assert.IsType<AccessRefused>(read.Error);
        }

        Assert.Equal(before + (reads ? 0 : 1) + (keeps ? 0 : 1), await RefusalsAsync());
        Assert.Equal(keeps ? 2 : 1, await Portal.WithDbAsync(db => db.ElsewhereUpdates.CountAsync(u => u.RecordId == id)));
    }

    [Fact]
    public async Task OnlyOfficeStaff_Record_AndTheRefusalIsAudited()
    {
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        var result = await Portal.Get<RecordReviewLedElsewhereHandler>().HandleAsync(board, new RecordReviewLedElsewhere(
            new ElsewhereDetails("Northshire", "Northshire CSP", null, Label(), await OrgAsync("Rutland CSP"), null, ContactName, null, null, HeardOf),
            ElsewhereStage.UnderWay, null));

        Assert.IsType<AccessRefused>(result.Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == board.UserId && a.Action == AuditAction.Refused
            && a.Subject == ElsewhereAccess.Subject && a.Detail == "record a review led elsewhere")));
    }
}

public sealed class ReviewsLedElsewhereSqliteTests(SqliteFixture fixture) : ReviewsLedElsewhereTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ReviewsLedElsewherePostgresTests(PostgresFixture fixture) : ReviewsLedElsewhereTests(fixture), IClassFixture<PostgresFixture>;
