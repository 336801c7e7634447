using Domain.ActionPlans;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.ActionPlans;

public sealed record ActionPlanScanResult(int UpdateRequests, int ImpactReviews);

/// Run by a Hangfire recurring job (hourly; tests call it directly after moving the business clock):
/// - each owner of actions open since before this period's request date (Actions:UpdateRequestDates) is asked once for
///   an update: the outbox key "action-updates:{request date}" makes a second run, or a second process, a no-op;
/// - each signed-off action whose impact review is due (sign-off + Actions:ImpactReviewMonths) gets a task for its
///   owner and an email, once (the action records the request in the same transaction).
/// Overdue actions need nothing here: their owner's task is due on the action's due date, so the reminder scan
/// escalates it to the agency's senior manager.
public sealed class ActionPlanScan(IReviewDbFactory dbs, IOutbox outbox, BusinessClock clock, ActionPlanOptions options, EmailOptions email)
{
    public async Task<ActionPlanScanResult> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var requests = await RequestUpdatesAsync(today, ct);
        var impact = await RequestImpactReviewsAsync(today, ct);
        return new ActionPlanScanResult(requests, impact);
    }

    private async Task<int> RequestUpdatesAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var period = options.RequestDates.CurrentOn(today);
        var openSince = London.StartOfDayUtc(period);
        var owners = await db.PlanActions.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.AtRisk) && a.CreatedAtUtc < openSince)
            .GroupBy(a => a.OwnerUserId).Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = owners.Select(o => o.UserId).ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var queued = 0;
        foreach (var owner in owners.Where(o => addresses.ContainsKey(o.UserId)))
        {
            var values = new Dictionary<string, string>
            {
                ["Count"] = owner.Count == 1 ? "1 open action" : $"{owner.Count} open actions",
                ["Period"] = UkDate.Format(period),
                ["Link"] = email.LinkTo("actions/ours"),
                ["PortalBaseUrl"] = email.PortalBaseUrl,
            };
            if (await outbox.EnqueueAsync(db, new OutgoingEmail(addresses[owner.UserId], owner.UserId, ActionPlanEmails.UpdateRequest,
                    $"action-updates:{period:yyyy-MM-dd}", "ActionUpdateRequest", values), ct))
            {
                queued++;
            }
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }

    private async Task<int> RequestImpactReviewsAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var due = await db.PlanActions
            .Where(a => a.Status == ActionStatus.SignedOff && a.ImpactRequestedOn == null && a.ImpactReviewDueOn != null && a.ImpactReviewDueOn <= today)
            .OrderBy(a => a.Id).Take(200).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var plans = new Dictionary<PlanOf, PlanOwner>();
        foreach (var plan in due.Select(a => a.Plan).Distinct())
        {
            plans[plan] = (await PlanOwners.LoadAsync(db, plan, ct))!;
        }
        var recommendationIds = due.Select(a => a.RecommendationId).Distinct().ToList();
        var numbers = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var ownerIds = due.Select(a => a.OwnerUserId).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var now = clock.UtcNow;
        var answerBy = today.AddDays(7 * options.ImpactAnswerWeeks);
        foreach (var action in due)
        {
            var label = PlanAction.Label(numbers[action.RecommendationId], action.Number);
            var review = plans[action.Plan];
            action.ImpactRequestedOn = today;
            action.Version++;
            action.ImpactWorkItem = OwnerTask.ImpactReview(db, action, label, answerBy, now);
            if (addresses.TryGetValue(action.OwnerUserId, out var to))
            {
                await outbox.EnqueueAsync(db, new OutgoingEmail(to, action.OwnerUserId, ActionPlanEmails.ImpactReview, $"action-impact:{action.Id}", "ActionImpactReview",
                    new Dictionary<string, string>
                    {
                        ["CaseLabel"] = review.EmailLabel,
                        ["Reference"] = review.Reference,
                        ["Action"] = label,
                        ["SignedOffOn"] = UkDate.Format(action.SignedOffOn ?? today),
                        ["AnswerBy"] = UkDate.Format(answerBy),
                        ["Link"] = email.LinkTo($"actions/{action.Id}"),
                        ["PortalBaseUrl"] = email.PortalBaseUrl,
                    }, ReviewId: action.ReviewId), ct);
            }
        }

        // A concurrent scan that got there first changed the versions: this one's work is then not saved at all.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }

        return due.Count;
    }
}
