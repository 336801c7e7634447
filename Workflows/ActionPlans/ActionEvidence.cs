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
        var added = await files.AddVersionAsync(db, actor, action.ReviewId, DocumentKind.ActionEvidence, action.OwnerKey,
            $"Evidence for action {label}", file.Content, file.FileName, existingDocumentId: null, ct);
        return added.Error;
    }

    public async Task<IReadOnlyList<ActionEvidenceLink>> ListAsync(IReviewDb db, long actionId, CancellationToken ct)
    {
        var key = PlanAction.DocumentOwnerKey(actionId);
        return await db.DocumentVersions.AsNoTracking().Where(v => v.Document!.OwnerKey == key && v.Document.Kind == DocumentKind.ActionEvidence)
            .OrderByDescending(v => v.UploadedAtUtc).ThenByDescending(v => v.Id)
            .Select(v => new ActionEvidenceLink(v.Id, v.Document!.Title, v.Extension, v.SizeBytes, v.UploadedAtUtc)).ToListAsync(ct);
    }
}

/// Who may read an action's evidence: the lead office's officers and managers, and the contacts of the agency that owns
/// the action (not other agencies, even on the same review).
public sealed class ActionEvidenceAccessRule : IDocumentAccessRule
{
    public DocumentKind Kind => DocumentKind.ActionEvidence;

    public async Task<bool> CanReadAsync(IReviewDb db, Actor actor, Document doc, CancellationToken ct)
    {
        if (await DocumentAccess.IsLeadOfficeStaffAsync(db, actor, doc.ReviewId, ct))
        {
            return true;
        }

        if (!actor.Is(Role.AgencyContact) || !doc.OwnerKey.StartsWith("action:", StringComparison.Ordinal)
            || !long.TryParse(doc.OwnerKey["action:".Length..], out var actionId))
        {
            return false;
        }

        var agencies = actor.AgencyIds.ToList();
        return await db.PlanActions.AnyAsync(a => a.Id == actionId && a.ReviewId == doc.ReviewId && agencies.Contains(a.OwnerAgencyId), ct);
    }
}
