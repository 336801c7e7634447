using Domain.Access;
using Domain.Calendar;
using Domain.Email;
using Domain.Organisations;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Process;
using Workflows.Time;
using Workflows.WorkItems;

namespace Workflows.Reminders;

public sealed record ReminderScanResult(int Queued, int Cancelled);

/// Reminders and overdue escalations by email (issue 4). Run periodically (Hangfire, every 15 minutes; tests call it
/// directly after moving the business clock). For business today it works out each open task's and open clock's
/// ladder (ReminderLadder) and queues the rungs reached, to be sent from 08:00 London time on a working day. The
/// occurrence key holds the due date ("workitem:12:due-7d:2026-11-23"), so running the scan again queues nothing new
/// (the outbox's unique key) and a due date that moves (a hold ends, a task resumes) plans a fresh ladder. Messages not
/// yet sent for a task that is closed or paused, a clock that is paused or stopped, or an old due date are cancelled.
public sealed class ReminderScan(IReviewDbFactory dbs, IOutbox outbox, BusinessClock clock, ReminderOptions options, EmailOptions email)
{
    public async Task<ReminderScanResult> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var cancelled = await CancelUnwantedAsync(db, ct);
        if (!options.Enabled)
        {
            return new ReminderScanResult(0, cancelled);
        }

        var today = clock.Today;
        var calendar = await CaseChanges.LoadCalendarAsync(db, ct);
        var sendDay = ReminderLadder.NextWorkingDay(today, calendar);
        var notBefore = London.StartOfDayUtc(sendDay) + options.SendAt.ToTimeSpan();
        var people = await People.LoadAsync(db, ct);
        var plan = new Plan(today, sendDay, notBefore, calendar, people);

        var items = await db.WorkItems.AsNoTracking().Include(w => w.Clock)
            .Where(w => w.Status == WorkItemStatus.Open).Where(TaskDeadline.DueBy(today.AddDays(options.DaysBefore + 7)))
            .ToListAsync(ct);
        var kinds = options.ClockKinds.ToList();
        var clockIdsWithTask = items.Where(i => i.ClockId != null).Select(i => i.ClockId!.Value).ToHashSet();
        var clocks = (await db.ReviewClocks.AsNoTracking()
            .Where(c => c.Status == ClockStatus.Running && kinds.Contains(c.Kind) && c.DueDate <= today.AddDays(options.DaysBefore + 7))
            .ToListAsync(ct)).Where(c => !clockIdsWithTask.Contains(c.Id)).ToList();
        var reviewIds = items.Where(i => i.ReviewId != null).Select(i => i.ReviewId!.Value).Concat(clocks.Select(c => c.ReviewId)).Distinct().ToList();
        var escalationEmails = await db.Organisations.AsNoTracking().Where(o => o.EscalationEmail != null && o.IsActive)
            .ToDictionaryAsync(o => o.Id, o => o.EscalationEmail!, ct);
        var reviews = (await db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.LeadOfficeId, r.LeadCspId }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => new ReviewFacts((int?)r.Id, r.Reference, r.CaseLabel, r.LeadOfficeId, r.LeadCspId,
                escalationEmails.ContainsKey(r.LeadCspId)));

        var escalated = await EscalatedOnAsync(db, items.Select(i => (Subject(i), TaskDeadline.Of(i).Date!.Value))
            .Concat(clocks.Select(c => (Subject(c), c.DueDate))).ToList(), calendar, today, ct);
        var subjects = await TaskPages.SubjectsAsync(db, items, ct);
        var queued = 0;
        foreach (var item in items)
        {
            long? subjectId = subjects.TryGetValue(item.Id, out var found) ? found : null;
            var review = item.ReviewId is int reviewId ? reviews[reviewId] : ReviewFacts.Own(item, subjectId);
            var due = TaskDeadline.Of(item).Date!.Value;
            var subject = Subject(item);
            IEnumerable<Recipient> To(string reason) => reason switch
            {
                EmailReasons.Reminder => plan.Candidates(item),
                // An agency without a senior manager on record: the lead office's managers hear instead of nobody.
                EmailReasons.OverdueEscalation when item.AgencyId is int agency && escalationEmails.ContainsKey(agency) => Contact(escalationEmails, agency),
                EmailReasons.OverdueEscalation => Managers(plan, item.OfficeId ?? review.LeadOfficeId),
                _ => SecondEscalation(plan, escalationEmails, review),
            };

            var ladder = ReminderLadder.For(due, calendar, options, EscalatedOn(plan, escalated, subject, due, To(EmailReasons.OverdueEscalation)));
            foreach (var occasion in ReminderLadder.DueBy(ladder, due, today))
            {
                // The task's own people (and an agency's senior manager) get the page they act on; the office's managers
                // the overdue queue showing the review's tasks, where they reassign; the accountable lead the review page.
                var toAgencyManager = occasion.Reason == EmailReasons.OverdueEscalation && item.AgencyId is int a && escalationEmails.ContainsKey(a);
                // (A task of no review is found in the overdue queue by its own reference when its title carries it.)
                var link = occasion.Reason == EmailReasons.OverdueEscalation && !toAgencyManager && item.OfficeId is not null
                           && (item.ReviewId is not null || item.Title.Contains(review.Reference, StringComparison.OrdinalIgnoreCase))
                    ? TaskPages.OverdueQueue(review.Reference)
                    // The agency's senior manager may have no account that opens the request itself: their agency's list.
                    : TaskPages.For(item.Kind, item.ReviewId, item.AgencyId, toAgencyManager ? null : subjectId,
                        toStaff: !(occasion.Reason == EmailReasons.Reminder || toAgencyManager));
                queued += await QueueAsync(db, plan, To(occasion.Reason), occasion, subject, item.Title, due, review, ct, link);
            }
        }

        foreach (var c in clocks)
        {
            var review = reviews[c.ReviewId];
            var subject = Subject(c);
            IEnumerable<Recipient> To(string reason) => reason switch
            {
                EmailReasons.Reminder => plan.Staff(review.LeadOfficeId!.Value, Role.ReviewOfficer),
                EmailReasons.OverdueEscalation => Managers(plan, review.LeadOfficeId),
                _ => SecondEscalation(plan, escalationEmails, review),
            };

            var ladder = ReminderLadder.For(c.DueDate, calendar, options, EscalatedOn(plan, escalated, subject, c.DueDate, To(EmailReasons.OverdueEscalation)));
            foreach (var occasion in ReminderLadder.DueBy(ladder, c.DueDate, today))
            {
                queued += await QueueAsync(db, plan, To(occasion.Reason), occasion, subject, ReviewClock.StepName(c.Kind), c.DueDate, review, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        queued += await new DailyDigest(db, outbox, options, email).QueueAsync(plan, ct);
        return new ReminderScanResult(queued, cancelled);
    }

    private static string Subject(WorkItem item) => $"workitem:{item.Id}";

    private static string Subject(ReviewClock clock) => $"clock:{clock.Id}";

    private static string Key(string subject, Occasion occasion, DateOnly due) => $"{subject}:{occasion.Step}:{due:yyyy-MM-dd}";

    /// The subjects whose first escalation was queued, each with the day it went out (London; the earliest sending to
    /// any of its recipients), or null while it waits to be sent.
    private async Task<Dictionary<string, DateOnly?>> EscalatedOnAsync(IReviewDb db, IReadOnlyList<(string Subject, DateOnly Due)> subjects,
        BusinessCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var keys = subjects.Select(x => (x.Subject, Rung: ReminderLadder.FirstEscalation(x.Due, calendar, options), x.Due))
            .Where(x => x.Rung.On <= today).Select(x => (x.Subject, Key: Key(x.Subject, x.Rung, x.Due))).ToList();
        var wanted = keys.Select(k => k.Key).ToList();
        var messages = (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Reason == EmailReasons.OverdueEscalation && m.Status != OutboxStatus.Cancelled && wanted.Contains(m.OccurrenceKey))
            .Select(m => new { m.OccurrenceKey, m.SentAtUtc }).ToListAsync(ct))
            .ToLookup(m => m.OccurrenceKey);
        return keys.Where(k => messages.Contains(k.Key)).ToDictionary(k => k.Subject,
            k => messages[k.Key].Where(m => m.SentAtUtc is not null).Select(m => (DateOnly?)London.DateOf(m.SentAtUtc!.Value)).Min());
    }

    /// When the first escalation went out, for the second rung to count from. One that has no message either has just
    /// been reached (it is queued in this scan: the second waits for it to go out, so the two never come together) or
    /// has nobody to go to (no manager on record, or all take the digest): then it counts as reached on its day, so the
    /// accountable lead is still told.
    private DateOnly? EscalatedOn(Plan plan, Dictionary<string, DateOnly?> escalated, string subject, DateOnly due, IEnumerable<Recipient> managers)
    {
        if (escalated.TryGetValue(subject, out var on))
        {
            return on;
        }

        var first = ReminderLadder.FirstEscalation(due, plan.Calendar, options);
        return first.On <= plan.Today && !Wanting(plan, managers, EmailReasons.OverdueEscalation).Any() ? first.On : null;
    }

    private static IEnumerable<Recipient> Wanting(Plan plan, IEnumerable<Recipient> recipients, string reason) =>
        recipients.DistinctBy(r => r.Address.ToLowerInvariant()).Where(to => to.UserId is not string userId || plan.People.Wants(userId, reason));

    private static IEnumerable<Recipient> Contact(Dictionary<int, string> emails, int organisationId) =>
        emails.TryGetValue(organisationId, out var address) ? [new Recipient(address, null)] : [];

    /// The lead CSP's accountable lead; for a CSP with none on record, the lead office's managers instead of nobody
    /// (the email tells them why, and that an administrator can add the lead under Organisations).
    private static IEnumerable<Recipient> SecondEscalation(Plan plan, Dictionary<int, string> emails, ReviewFacts review) =>
        review.CspHasLead && review.LeadCspId is int csp ? Contact(emails, csp) : Managers(plan, review.LeadOfficeId);

    private static IEnumerable<Recipient> Managers(Plan plan, int? officeId) => officeId is int office ? plan.Staff(office, Role.Manager) : [];

    private async Task<int> QueueAsync(IReviewDb db, Plan plan, IEnumerable<Recipient> recipients, Occasion occasion, string subject,
        string step, DateOnly due, ReviewFacts review, CancellationToken ct, string? link = null)
    {
        var values = Values(plan, occasion, step, due, review, link);
        var template = occasion.Reason == EmailReasons.Reminder && subject.StartsWith("clock:", StringComparison.Ordinal) ? "ClockReminder" : occasion.Reason;
        var queued = 0;
        foreach (var to in Wanting(plan, recipients, occasion.Reason))
        {
            var key = Key(subject, occasion, due);
            if (await outbox.EnqueueAsync(db, new OutgoingEmail(to.Address, to.UserId, occasion.Reason, key, template, values, plan.NotBeforeUtc, review.Id), ct))
            {
                queued++;
            }
        }

        return queued;
    }

    private Dictionary<string, string> Values(Plan plan, Occasion occasion, string step, DateOnly due, ReviewFacts review, string? link) => new()
    {
        ["CaseLabel"] = review.CaseLabel,
        ["Reference"] = review.Reference,
        ["Step"] = step,
        ["DueDate"] = UkDate.Format(due),
        ["HowLate"] = HowLate(due, plan.SendDay),
        // Clocks always belong to a review; a task's link is always given.
        ["Link"] = email.LinkTo(link ?? TaskPages.ReviewPage(review.Id!.Value)),
        ["LinkText"] = (link?.StartsWith("work/overdue", StringComparison.Ordinal) == true, review.Id is null) switch
        {
            (true, false) => "Open the review's overdue tasks in the portal, to see who holds this one or to reassign it:",
            (true, true) => "Open the office's overdue tasks in the portal, to see who holds this one or to reassign it:",
            (false, false) => "Open the review in the portal to see where it stands and who holds its tasks:",
            (false, true) => "Open the task in the portal:",
        },
        ["Where"] = review.Id is null ? "The task" : "The review",
        ["PortalBaseUrl"] = email.PortalBaseUrl,
        ["Why"] = review.Id is null
            ? "You manage the office this task belongs to. It belongs to no review, so this second escalation comes to you."
            : review.CspHasLead
            ? "You are the accountable lead for this review."
            : "You manage the office leading this review. Its lead CSP has no accountable lead on record, so this second escalation comes to you; an administrator can add one under Organisations.",
    };

    /// As at the day the email goes out, in calendar days as the queues count them: "due in 7 days", "due today",
    /// "3 days overdue".
    public static string HowLate(DateOnly due, DateOnly on) => DueText.Describe(due, on) is var text && text.StartsWith("in ", StringComparison.Ordinal)
        ? "due " + text
        : text;

    /// Unsent reminders that no longer fit the task or clock they are about: Cancelled, never sent.
    private static async Task<int> CancelUnwantedAsync(IReviewDb db, CancellationToken ct)
    {
        var reasons = EmailReasons.AboutDeadlines.ToList();
        var waiting = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed) && reasons.Contains(m.Reason))
            .Select(m => new { m.Id, m.OccurrenceKey }).ToListAsync(ct);
        var parsed = waiting.Select(m => (m.Id, Key: OccurrenceKey.Parse(m.OccurrenceKey))).Where(m => m.Key is not null).ToList();
        var itemIds = parsed.Where(m => m.Key!.Kind == "workitem").Select(m => m.Key!.Id).Distinct().ToList();
        var clockIds = parsed.Where(m => m.Key!.Kind == "clock").Select(m => m.Key!.Id).Distinct().ToList();
        var liveItems = (await db.WorkItems.AsNoTracking().Include(w => w.Clock)
            .Where(w => itemIds.Contains(w.Id) && w.Status == WorkItemStatus.Open).ToListAsync(ct))
            .Select(w => (w.Id, Due: TaskDeadline.Of(w))).Where(w => !w.Due.IsPaused).ToDictionary(w => w.Id, w => w.Due.Date);
        var liveClocks = await db.ReviewClocks.AsNoTracking().Where(c => clockIds.Contains(c.Id) && c.Status == ClockStatus.Running)
            .ToDictionaryAsync(c => c.Id, c => c.DueDate, ct);
        var unwanted = parsed.Where(m => m.Key!.Kind == "workitem"
                ? !(liveItems.TryGetValue(m.Key.Id, out var due) && due == m.Key.Due)
                : !(liveClocks.TryGetValue(m.Key.Id, out var clockDue) && clockDue == m.Key.Due))
            .Select(m => m.Id).ToList();
        if (unwanted.Count == 0)
        {
            return 0;
        }

        // Conditional: a message the dispatcher claimed meanwhile is being sent and stays as it is.
        return await db.OutboxMessages
            .Where(m => unwanted.Contains(m.Id) && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled), ct);
    }

    /// What the emails say a task or clock is about: its review, or for a task of no review (Id null) its own reference
    /// and what it is (TaskPages.Own), with its office in place of the lead office and no CSP.
    internal sealed record ReviewFacts(int? Id, string Reference, string CaseLabel, int? LeadOfficeId, int? LeadCspId, bool CspHasLead)
    {
        public static ReviewFacts Own(WorkItem item, long? subjectId)
        {
            var (reference, label) = TaskPages.Own(item, subjectId);
            return new ReviewFacts(null, reference, label, item.OfficeId, null, false);
        }
    }

    internal sealed record Recipient(string Address, string? UserId);

    /// Today's scan: the day, when its messages go out, the calendar and who is who.
    internal sealed record Plan(DateOnly Today, DateOnly SendDay, DateTime NotBeforeUtc, BusinessCalendar Calendar, People People)
    {
        public IEnumerable<Recipient> Staff(int officeId, Role role) => People.Staff(officeId, role);

        /// The assignee, or else whoever may take the task: the named person, the agency's contacts, the office's staff
        /// with its candidate role.
        public IEnumerable<Recipient> Candidates(WorkItem item) =>
            item.AssigneeUserId is string assignee ? People.Active(assignee)
            : item.CandidateUserId is string named ? People.Active(named)
            : item.AgencyId is int agency ? People.Staff(agency, Role.AgencyContact)
            : item.OfficeId is int office ? People.Staff(office, item.CandidateRole ?? Role.ReviewOfficer)
            : [];
    }

    /// "workitem:12:due-7d:2026-11-23" read back.
    internal sealed record OccurrenceKey(string Kind, long Id, DateOnly Due)
    {
        public static OccurrenceKey? Parse(string key)
        {
            var parts = key.Split(':');
            return parts.Length == 4 && long.TryParse(parts[1], out var id)
                && DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", out var due) ? new OccurrenceKey(parts[0], id, due) : null;
        }
    }
}
