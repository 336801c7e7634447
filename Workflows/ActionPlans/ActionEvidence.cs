using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Workflows.Data;

namespace Workflows.ActionPlans;

/// Evidence documents of an action (kind ActionEvidence, owner key "action:{id}").
public sealed class ActionEvidence
{
    public Task<Error?> AddAsync(IReviewDb db, Actor actor, PlanAction action, string label, EvidenceFile file, CancellationToken ct) =>
        Task.FromResult<Error?>(new Error("Evidence uploads are not available yet."));

    public Task<IReadOnlyList<ActionEvidenceLink>> ListAsync(IReviewDb db, long actionId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ActionEvidenceLink>>([]);
}
