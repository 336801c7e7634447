using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Time;

namespace Workflows.ActionPlans;

/// A file the owner attaches to an update as evidence (checked and stored by the documents core).
public sealed record EvidenceFile(Stream Content, string FileName);

/// AsAt: the date the update describes the action as at (the form's date box, today until changed; required: a cleared box is refused).
public sealed record ActionUpdateInput(string? Text, ActionStatus? Status, IReadOnlyList<EvidenceFile> Evidence, int? ExpectedVersion = null, DateOnly? AsAt = null);

/// A contact of the owning agency reports progress on an open action: what happened, the status now (not started,
/// on track, at risk, completed) and optional evidence documents. Reporting it completed closes the owner's task and
/// waits for an officer's sign-off (completed on the update's "as at" date, ActionDates says which dates may be given);
/// those who manage the plan are emailed (ActionPlanMail).
/// The update, its evidence and the status change are saved together or not at all.
public sealed class PostActionUpdateHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DocumentUploads uploads, ActionPlanMail mail)
{
    public Task<Result<int>> HandleAsync(Actor actor, long actionId, ActionUpdateInput input, CancellationToken ct = default) =>
        uploads.SaveOrDiscardAsync(files => PostAsync(actor, actionId, input, files, ct));

    private async Task<Result<int>> PostAsync(Actor actor, long actionId, ActionUpdateInput input, UploadBatch files, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var action = await db.PlanActions.Include(a => a.WorkItem).SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null || !ActionPlanAccess.IsOwnerContact(actor, action, await ActionPlanAccess.LeadOfficeAsync(db, action, ct)))
        {
            await audit.RefusedAsync(db, actor, "PlanAction", actionId.ToString(), action?.ReviewId, "post an update", ct);
            return new AccessRefused("this action (its owner at the owning agency updates it)");
        }

        if (input.ExpectedVersion is int expected && expected != action.Version)
        {
            return new Conflict("This action");
        }

        if (!action.IsOpen)
        {
            return new Error(action.Status == ActionStatus.SignedOff
                ? "This action is signed off: there is nothing more to update."
                : "This action is waiting for the review office to sign it off: it can be updated again if they return it.");
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new Error("Say what has happened since the last update.", nameof(ActionUpdateInput.Text)));
        }
        else if (input.Text.Trim().Length > ActionUpdate.TextMaxLength)
        {
            errors.Add(new Error($"The update must be {ActionUpdate.TextMaxLength} characters or fewer.", nameof(ActionUpdateInput.Text)));
        }

        if (input.Status is not ActionStatus status || !ActionStatuses.OwnerMayReport.Contains(status))
        {
            errors.Add(new Error("Choose the status of the action now.", nameof(ActionUpdateInput.Status)));
            status = action.Status;
        }

        var latest = await db.ActionUpdates.Where(u => u.ActionId == action.Id).MaxAsync(u => (DateOnly?)u.AsAt, ct);
        if (ActionDates.CheckUpdate(input.AsAt, clock.Today, action, latest, nameof(ActionUpdateInput.AsAt)) is { } date)
        {
            errors.Add(date);
        }

        var review = (await PlanOwners.LoadAsync(db, action, ct))!;
        var label = await LabelAsync(db, action, ct);
        foreach (var file in input.Evidence)
        {
            if (await ActionEvidence.AddAsync(files, db, actor, action, label, file, ct) is { } error)
            {
                errors.Add(error with { Field = nameof(ActionUpdateInput.Evidence) });
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var asAt = input.AsAt!.Value;
        var now = clock.UtcNow;
        action.Status = status;
        action.Version++;
        if (status == ActionStatus.Completed)
        {
            action.CompletedOn = asAt;
            action.ReturnReason = null;
            if (action.WorkItem is { IsOpen: true } item)
            {
                item.Close(WorkItemStatus.Completed, "Reported completed by the agency", actor.UserId, now);
            }

            await mail.WaitingForSignOffAsync(db, action, label, review.Reference, ct);
        }

        db.ActionUpdates.Add(new ActionUpdate
        {
            ActionId = action.Id, Kind = ActionUpdateKind.Progress, Text = input.Text!.Trim(), Status = status, AsAt = asAt, AtUtc = now,
            ByUserId = actor.UserId,
        });
        audit.Add(db, actor, AuditAction.Changed, "PlanAction", action.Id.ToString(), action.ReviewId, review.Reference,
            $"update of action {label} as at {asAt:yyyy-MM-dd}: status {status}, {input.Evidence.Count} evidence files");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This action");
        }

        return action.Version;
    }

    internal static async Task<string> LabelAsync(IReviewDb db, PlanAction action, CancellationToken ct)
    {
        var number = await db.Recommendations.Where(r => r.Id == action.RecommendationId).Select(r => r.Number).SingleAsync(ct);
        return PlanAction.Label(number, action.Number);
    }
}
