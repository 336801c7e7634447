using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Documents;

namespace Workflows.ActionPlans;

/// Evidence documents of an action: kind ActionEvidence, owner key "action:{id}", one document per uploaded file,
/// titled by the action's label only (never a name).
public sealed class ActionEvidence
{
    /// Checks and stores the file and adds its rows to the caller's context (saved with the update, or not at all).
    public static async Task<Error?> AddAsync(UploadBatch files, IReviewDb db, Actor actor, PlanAction action, string label, EvidenceFile file, CancellationToken ct)
    {
        // Documents belong to a review (Document.ReviewId): a learning source's action takes its evidence in words.
        if (action.ReviewId is not int reviewId)
        {
            return new Error("Files can be attached to a review's actions only: describe the evidence in the update.");
        }

        var added = await files.AddVersionAsync(db, actor, reviewId, DocumentKind.ActionEvidence, action.OwnerKey,
            $"Evidence for action {label}", file.Content, file.FileName, existingDocumentId: null, ct);
        return added.Error;
    }

    /// The action's evidence as the reader may download it: nothing for a reader of the action who may not (another
    /// office that reads the review, the DPO, the chair/author), so the page never lists a file that would be refused.
    public async Task<IReadOnlyList<ActionEvidenceLink>> ListAsync(IReviewDb db, Actor actor, PlanAction action, CancellationToken ct)
    {
        if (action.ReviewId is not int reviewId || !await ActionEvidenceAccessRule.MayReadAsync(db, actor, reviewId, action.Id, ct))
        {
            return [];
        }

        var key = PlanAction.DocumentOwnerKey(action.Id);
        return await db.DocumentVersions.AsNoTracking().Where(v => v.Document!.OwnerKey == key && v.Document.Kind == DocumentKind.ActionEvidence)
            .OrderByDescending(v => v.UploadedAtUtc).ThenByDescending(v => v.Id)
            .Select(v => new ActionEvidenceLink(v.Id, v.Document!.Title, v.Extension, v.SizeBytes, v.UploadedAtUtc)).ToListAsync(ct);
    }
}

/// Who may read an action's evidence: the lead office's officers and managers, the CSP's action plan team, and the agency contacts the action reaches
/// (its owner, or the owning agency's team where the lead office shares: not other agencies, even on the same review).
public sealed class ActionEvidenceAccessRule : IDocumentAccessRule
{
    public DocumentKind Kind => DocumentKind.ActionEvidence;

    public Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct) =>
        doc.OwnerKey.StartsWith("action:", StringComparison.Ordinal) && long.TryParse(doc.OwnerKey["action:".Length..], out var actionId)
            ? MayReadAsync(db, actor, doc.ReviewId, actionId, ct)
            : Task.FromResult(false);

    /// The one rule for the evidence of one action of one review: the download and the list both ask it.
    public static async Task<bool> MayReadAsync(IReviewDb db, Actor actor, int reviewId, long actionId, CancellationToken ct)
    {
        if (await DocumentAccess.IsLeadOfficeStaffAsync(db, actor, reviewId, ct)
            || (actor.Is(Role.ActionPlanManager) && (await ActionPlanAccess.ForReviewAsync(db, actor, reviewId, ct)).CanManage))
        {
            return true;
        }

        if (!actor.Is(Role.AgencyContact))
        {
            return false;
        }

        var action = await db.PlanActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId && a.ReviewId == reviewId, ct);
        return action is not null && ActionPlanAccess.IsOwnerContact(actor, action, await ActionPlanAccess.LeadOfficeAsync(db, action, ct));
    }
}
