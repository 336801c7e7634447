using Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;

namespace Workflows.ActionPlans;

/// The action plan's emails on an event, queued in the caller's context (saved with the change or not at all), once per
/// event: the key holds the action's version after the change. They name the action by its label ("R2.1") and the review
/// by its reference only, never the action's words, the case label or a person, with a link to the action.
public sealed class ActionPlanMail(IOutbox outbox, EmailOptions email)
{
    /// The owner reported the action completed: each person who manages the plan (ActionPlanAccess.ManagerIdsAsync: the
    /// lead office's review officers and, where set, the lead CSP's action plan team) is asked to sign it off or return it.
    public async Task WaitingForSignOffAsync(IReviewDb db, PlanAction action, string label, string reference, CancellationToken ct)
    {
        var managers = await ActionPlanAccess.ManagerIdsAsync(db, action.Plan, ct);
        foreach (var (userId, address) in await AddressesAsync(db, managers, ct))
        {
            await EnqueueAsync(db, ActionPlanEmails.WaitingForSignOff, address, userId, $"action-completed:{action.Id}:v{action.Version}", action, label, reference, ct);
        }
    }

    /// A re-plan gave the action a new owner: their contact is told it is theirs now.
    public async Task NewOwnerAsync(IReviewDb db, PlanAction action, string label, string reference, CancellationToken ct)
    {
        foreach (var (userId, address) in await AddressesAsync(db, [action.OwnerUserId], ct))
        {
            await EnqueueAsync(db, ActionPlanEmails.NewOwner, address, userId, $"action-owner:{action.Id}:v{action.Version}", action, label, reference, ct);
        }
    }

    private static async Task<List<(string UserId, string Address)>> AddressesAsync(IReviewDb db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
        .Select(u => (u.Id, u.Email!)).ToList();

    private Task<bool> EnqueueAsync(IReviewDb db, string reason, string address, string userId, string key, PlanAction action, string label, string reference,
        CancellationToken ct) =>
        outbox.EnqueueAsync(db, new OutgoingEmail(address, userId, reason, key, reason, new Dictionary<string, string>
        {
            ["Action"] = label,
            ["Reference"] = reference,
            ["Link"] = email.LinkTo($"actions/{action.Id}"),
            ["PortalBaseUrl"] = email.PortalBaseUrl,
        }, ReviewId: action.ReviewId), ct);
}
