using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Organisations;
using Domain.Panels;
using Domain.Reports;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reports;

/// A board report covers one CSP (its lead reviews) or one review office (every CSP it serves).
public sealed record BoardScope(int OrganisationId, string Name, bool IsOffice);

/// A case as a board sees it: reference and case label only, what kind of review it is, and the office's latest case update.
/// UnderLegalChallenge: a legal challenge of the review was lodged by the date and had no outcome by it.
public sealed record BoardCase(int ReviewId, string Reference, string CaseLabel, string? LatestUpdate, BoardReviewKind Kind = BoardReviewKind.Full,
    bool UnderLegalChallenge = false);

/// One row of "Reviews in progress": the cases first presented to the CRG in one month (or not yet presented).
public sealed record BoardMonthRow(DateOnly? Month, IReadOnlyDictionary<BoardColumn, IReadOnlyList<BoardCase>> Cells)
{
    public string Label => Month is DateOnly m ? UkDate.FormatMonth(m) : "Not yet presented to the CRG";
}

/// One review led by another area that the scope takes part in: in the portal, or led elsewhere (kept by hand, where the
/// reference is the lead area's own, when known, and the position its stage and latest update as at the date).
public sealed record InvolvementRow(string Reference, string CaseLabel, string LeadCsp, string Position, bool LedElsewhere = false);

public sealed record TimelinessRow(string Reference, string CaseLabel, IReadOnlyList<TimelinessInterval> Steps, int TotalHeldDays);

public sealed record BoardReport(BoardScope Scope, DateOnly AsOf, IReadOnlyList<BoardMonthRow> Rows,
    IReadOnlyList<InvolvementRow> Involvement, IReadOnlyList<TimelinessRow> Timeliness, BoardSummary Summary)
{
    public string Title => $"Reviews in progress: {Scope.Name}, as at {UkDate.Format(AsOf)}";
}

/// The board's quarterly "Reviews in progress" report, built from the journal as at a date. It holds references,
/// case labels, board stages, case updates and day counts: no names, no summaries. Office staff and board members ask
/// for their own office or a CSP it serves (ReportAccess); any other is refused and audited.
public sealed class BoardReportQuery(IReviewDbFactory dbs, AuditLog audit, DeadlineSettings targets)
{
    public async Task<Result<IReadOnlyList<BoardScope>>> ScopesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!ReportAccess.ReadsReports(actor))
        {
            await audit.RefusedAsync(db, actor, "Board report", null, null, "board report scopes", ct);
            return new AccessRefused("board reports");
        }

        var orgs = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Csp || o.Kind == OrganisationKind.ReviewOffice)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        return orgs.Where(o => ReportAccess.Covers(actor, o))
            .OrderBy(o => o.Kind == OrganisationKind.ReviewOffice ? 0 : 1).ThenBy(o => o.Name)
            .Select(o => new BoardScope(o.Id, o.Name, o.Kind == OrganisationKind.ReviewOffice)).ToList();
    }

    public async Task<Result<BoardReport>> HandleAsync(Actor actor, int organisationId, DateOnly asOf, AuditAction action = AuditAction.Viewed,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var org = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        if (org is null || !ReportAccess.Covers(actor, org))
        {
            await audit.RefusedAsync(db, actor, "Board report", organisationId.ToString(CultureInfo.InvariantCulture), null, "board report", ct);
            return new AccessRefused("that board report");
        }

        var scope = new BoardScope(org.Id, org.Name, org.Kind == OrganisationKind.ReviewOffice);
        var endOfDay = London.StartOfDayUtc(asOf.AddDays(1));
        var cspIds = scope.IsOffice
            ? await db.Organisations.Where(o => o.ServingOfficeId == org.Id).Select(o => o.Id).ToListAsync(ct)
            : [org.Id];
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => scope.IsOffice ? r.LeadOfficeId == org.Id : r.LeadCspId == org.Id)
            // A review belongs to the report from its notification, however late its row was made (an import, a late registration).
            .Where(r => r.DateNotified <= asOf)
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.DateNotified, r.DecidedOn, r.CrgFirstPresentedOn, r.IsAlternativeReview, r.DeathYear, r.DeathMonth })
            .ToListAsync(ct);
        var involved = await db.Reviews.AsNoTracking()
            .Where(r => r.DateNotified <= asOf && !cspIds.Contains(r.LeadCspId) && r.InvolvedCsps.Any(c => cspIds.Contains(c.CspId)))
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.LeadCspId, r.IsAlternativeReview }).ToListAsync(ct);

        var ids = reviews.Select(r => r.Id).Concat(involved.Select(r => r.Id)).ToList();
        // What happened on or before the date, by the date it happened (a step recorded later counts from its own date); a
        // step undone (recorded by mistake) never happened.
        var journal = (await db.JournalEntries.AsNoTracking().Where(j => ids.Contains(j.ReviewId) && j.OccurredOn <= asOf && j.UndoneById == null).ToListAsync(ct))
            .GroupBy(j => j.ReviewId).ToDictionary(g => g.Key, g => g.OrderBy(j => j.OccurredOn).ThenBy(j => j.Id).ToList());
        var updates = (await db.CaseUpdates.AsNoTracking().Where(u => ids.Contains(u.ReviewId) && u.AsAt <= asOf)
                .Select(u => new { u.ReviewId, u.Id, u.AsAt, u.Text }).ToListAsync(ct))
            .GroupBy(u => u.ReviewId).ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.AsAt).ThenByDescending(u => u.Id).First().Text);
        var challenged = (await db.LegalChallenges.AsNoTracking()
            .Where(c => ids.Contains(c.ReviewId) && c.LodgedOn <= asOf && (c.OutcomeOn == null || c.OutcomeOn > asOf))
            .Select(c => c.ReviewId).Distinct().ToListAsync(ct)).ToHashSet();
        var firstPanels = await FirstPanelDatesAsync(db, ids, ct);
        var leadNames = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Csp).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        List<JournalEntry> JournalOf(int id) => journal.GetValueOrDefault(id) ?? [];

        var placed = reviews
            .Select(r => new { Review = r, Position = BoardColumns.PositionOn(JournalOf(r.Id), asOf) })
            .Where(x => x.Position is not null)
            .Select(x => new { x.Review, Position = x.Position!, Column = BoardColumns.For(x.Position!), Kind = BoardColumns.KindOf(x.Position!, x.Review.IsAlternativeReview) })
            .ToList();
        var rows = placed.Where(x => x.Column is not null)
            .GroupBy(x => x.Review.CrgFirstPresentedOn is DateOnly d && d <= asOf ? new DateOnly(d.Year, d.Month, 1) : (DateOnly?)null)
            .OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key)
            .Select(g => new BoardMonthRow(g.Key, BoardColumns.All.ToDictionary(c => c, c => (IReadOnlyList<BoardCase>)g
                .Where(x => x.Column == c).OrderBy(x => x.Review.Reference, StringComparer.Ordinal)
                .Select(x => new BoardCase(x.Review.Id, x.Review.Reference, x.Review.CaseLabel, updates.GetValueOrDefault(x.Review.Id), x.Kind,
                    challenged.Contains(x.Review.Id)))
                .ToList())))
            .ToList();

        var involvement = involved
            .Select(r => new { r, Position = BoardColumns.PositionOn(JournalOf(r.Id), asOf) })
            .Where(x => x.Position is not null)
            .OrderBy(x => x.r.Reference, StringComparer.Ordinal)
            .Select(x => new InvolvementRow(x.r.Reference, x.r.CaseLabel, leadNames.GetValueOrDefault(x.r.LeadCspId) ?? "Unknown",
                BoardColumns.For(x.Position!) is BoardColumn c
                    ? BoardColumns.Describe(c) + BoardColumns.Suffix(BoardColumns.KindOf(x.Position!, x.r.IsAlternativeReview))
                    : "Completed or closed"))
            .Concat(await LedElsewhereAsync(db, scope, asOf, ct))
            .ToList();

        // Each review's steps, measured once: the timeliness table and the summary figures both read them.
        var measured = placed
            .Select(x =>
            {
                var j = JournalOf(x.Review.Id);
                var holds = HoldsFrom(j);
                // The latest decision may be after the date (a reversal recorded since): the journal to the date says which stood.
                var decidedOn = x.Review.DecidedOn <= asOf ? x.Review.DecidedOn : null;
                var milestones = MilestonesFrom(x.Review.DateNotified, decidedOn, x.Review.IsAlternativeReview, j,
                    firstPanels.TryGetValue(x.Review.Id, out var panel) ? panel : null);
                return new { x.Review, x.Position, x.Kind, Journal = j, Holds = holds, Steps = Timeliness.Measure(milestones, holds, asOf, targets) };
            })
            .ToList();

        // Timeliness covers every review of the scope that went ahead or awaits its decision (not those closed without
        // one, unless the CRG has since reversed its decision).
        var timeliness = measured
            .Where(x => x.Journal.LastOrDefault(j => j.Trigger is Trigger.CloseWithoutReview or Trigger.ReverseCriteriaNotMet)?.Trigger
                        != Trigger.CloseWithoutReview)
            .OrderBy(x => x.Review.Reference, StringComparer.Ordinal)
            .Select(x => new TimelinessRow(x.Review.Reference, x.Review.CaseLabel, x.Steps, Timeliness.HeldDaysBetween(x.Holds, x.Review.DateNotified, asOf)))
            .ToList();

        // The summary counts the reviews this office or CSP leads (reviews led elsewhere are its involvement, not its reviews).
        var summary = BoardSummaries.Compute(measured.Select(x => new SummaryCase(x.Review.DateNotified,
            x.Review.DeathYear > 0 && x.Review.DeathMonth is >= 1 and <= 12 ? new DateOnly(x.Review.DeathYear, x.Review.DeathMonth, 1) : null,
            x.Position, x.Kind, x.Steps)), asOf);

        audit.Add(db, actor, action, "Board report", org.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"{(action == AuditAction.Exported ? "board report exported" : "board report viewed")} as at {asOf:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new BoardReport(scope, asOf, rows, involvement, timeliness, summary);
    }

    /// The milestones as the journal recorded them. The CRG's decision (met, not met, or an alternative review instead)
    /// ends the decision step; a Home Office direction keeps it and starts the review's steps from the direction's date.
    /// DecidedOn is the CRG's decision date (a direction leaves it), the direction's is its journal entry's. A
    /// "criteria not met" the CRG reversed is replaced by its new decision, which ends the decision step and starts the
    /// review's.
    public static Milestones MilestonesFrom(DateOnly notified, DateOnly? decidedOn, bool alternativeReview,
        IReadOnlyList<JournalEntry> journal, DateOnly? firstPanel)
    {
        // Each step on the day it happened (the journal is in that order); a step whose day was not recorded (an import's
        // month alone or missing date) gives no day: the step it ends or starts is "not recorded" once passed.
        static DateOnly? On(JournalEntry e) => e.KnownDay;
        DateOnly? First(Func<JournalEntry, bool> match, DateOnly? after = null) =>
            journal.Where(e => match(e) && (after is null || e.OccurredOn >= after)).Select(On).FirstOrDefault();
        DateOnly? Last(Trigger trigger) => journal.Where(e => e.Trigger == trigger).Select(On).LastOrDefault();

        var crg = journal.FirstOrDefault(e => e.Trigger is Trigger.RecordCriteriaMet or Trigger.RecordCriteriaNotMet);
        var direction = journal.FirstOrDefault(e => e.Trigger == Trigger.RecordHomeOfficeDirection);
        var reversal = journal.LastOrDefault(e => e.Trigger == Trigger.ReverseCriteriaNotMet);
        DateOnly? decided = reversal is not null ? On(reversal) : crg is null ? null : decidedOn ?? On(crg);
        DateOnly? started = direction is not null ? On(direction)
            : reversal is not null || crg is not null && (crg.Trigger == Trigger.RecordCriteriaMet || alternativeReview) ? decided
            : null;
        var signedOff = Last(Trigger.RecordSignedOff);
        // A close or stop that a reopening undid no longer ends the review's steps; a publication still does.
        var afterReopen = journal.Select((e, i) => (e, i)).LastOrDefault(x => x.e.Trigger == Trigger.ReopenReview) is { e: not null } reopen ? reopen.i + 1 : 0;
        var qa = signedOff is null ? null
            : First(e => e.Trigger is Trigger.RecordQaApproved or Trigger.RecordQaApprovedSubjectToAmendments or Trigger.RecordQaResubmit, signedOff);
        // A decision without its day (DecidedOn null): known to have happened, and started the review if it went ahead, by its entry's day.
        var decidedBy = decided is null && reversal is null && crg is not null && On(crg) is null ? crg.OccurredOn : (DateOnly?)null;
        return new Milestones(notified, decided, started, First(e => e.Trigger == Trigger.AppointAuthor), firstPanel, signedOff, qa)
        {
            DecidedBy = decidedBy,
            StartedBy = direction is null && (crg?.Trigger == Trigger.RecordCriteriaMet || alternativeReview) ? decidedBy : null,
            Submitted = Last(Trigger.SubmitToHomeOffice),
            // A stopped review's steps end with it.
            Finished = First(e => e.Trigger == Trigger.RecordPublished)
                       ?? journal.Skip(afterReopen).Where(e => e.Trigger is Trigger.CloseReview or Trigger.StopReview).Select(On).FirstOrDefault(),
        };
    }

    /// Spells on hold from the journal: PutOnHold opens one, Resume closes it.
    public static IReadOnlyList<HoldSpell> HoldsFrom(IReadOnlyList<JournalEntry> journal)
    {
        var spells = new List<HoldSpell>();
        DateOnly? from = null;
        foreach (var e in journal)
        {
            if (e.Trigger == Trigger.PutOnHold && from is null)
            {
                from = e.OccurredOn;
            }
            else if (e.Trigger == Trigger.Resume && from is DateOnly f)
            {
                spells.Add(new HoldSpell(f, e.OccurredOn));
                from = null;
            }
        }

        if (from is DateOnly open)
        {
            spells.Add(new HoldSpell(open, null));
        }

        return spells;
    }

    /// The reviews led outside the portal that the office keeps (for a CSP, those it takes part in): each from the date the
    /// office heard of it, with the stage and update standing as at the date.
    private static async Task<IEnumerable<InvolvementRow>> LedElsewhereAsync(IReviewDb db, BoardScope scope, DateOnly asOf, CancellationToken ct)
    {
        var records = (await db.ReviewsLedElsewhere.AsNoTracking()
                .Where(r => scope.IsOffice ? r.OfficeId == scope.OrganisationId : r.CspId == scope.OrganisationId)
                .Select(r => new { r.Id, r.TheirReference, r.CaseLabel, r.LeadCsp, r.Area, r.KnownSince }).ToListAsync(ct))
            .Where(r => LedElsewhereRules.KnownOn(r.KnownSince, asOf)).ToList();
        var ids = records.Select(r => r.Id).ToList();
        var updates = (await db.ElsewhereUpdates.AsNoTracking().Where(u => ids.Contains(u.RecordId)).ToListAsync(ct)).ToLookup(u => u.RecordId);
        return records.OrderBy(r => r.CaseLabel, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new InvolvementRow(r.TheirReference ?? "Not known", r.CaseLabel, $"{r.LeadCsp}, {r.Area} (led elsewhere)",
                LedElsewhereRules.Standing(LedElsewhereRules.LatestOn(updates[r.Id], asOf)), LedElsewhere: true));
    }

    /// The London date of each review's first panel meeting: the earliest scheduled meeting's start (polls and cancelled
    /// meetings do not count), or the one an imported tracker recorded if earlier. Reviews without one are left out, so
    /// their step reads "so far".
    private static async Task<Dictionary<int, DateOnly>> FirstPanelDatesAsync(IReviewDb db, IReadOnlyCollection<int> reviewIds, CancellationToken ct)
    {
        var starts = await db.PanelMeetings.AsNoTracking()
            .Where(m => reviewIds.Contains(m.ReviewId) && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc != null)
            .Select(m => new { m.ReviewId, m.StartsAtUtc })
            .ToListAsync(ct);
        var imported = await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id) && r.FirstPanelBeforeImportOn != null)
            .Select(r => new { r.Id, On = r.FirstPanelBeforeImportOn!.Value }).ToListAsync(ct);
        return starts.Select(m => (m.ReviewId, On: London.DateOf(m.StartsAtUtc!.Value))).Concat(imported.Select(r => (ReviewId: r.Id, r.On)))
            .GroupBy(m => m.ReviewId).ToDictionary(g => g.Key, g => g.Min(m => m.On));
    }
}
