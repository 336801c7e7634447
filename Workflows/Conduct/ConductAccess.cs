using Domain;
using Domain.Access;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.ActionPlans;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Profiles;

namespace Workflows.Conduct;

/// The review as the conduct records need it: who may, its stage and the date the death was notified.
public sealed record ConductReview(CaseAccess Access, string Reference, Stage Stage, DateOnly Notified);

/// Who reads and keeps the findings and conduct of a review (its findings, terms of reference and interview log): the
/// same people as its case profile (ProfileAccess: read by those who may read its restricted details, kept by the lead
/// office's officers and managers, refusals audited). They are recorded from "Panel and report writing" onwards, when a
/// panel sits and drafts exist (the stages a draft's recommendations are recorded at), also while held from those stages.
public static class ConductAccess
{
    public const string Subject = "ReviewConduct";

    public static async Task<Result<ConductReview>> CheckAsync(IReviewDb db, AuditLog audit, Actor actor, int reviewId, bool edit, string what,
        CancellationToken ct)
    {
        var checkedAccess = await ProfileAccess.CheckAsync(db, audit, actor, reviewId, edit, Subject, "the findings and conduct of this review", what, ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId, ct);
        return new ConductReview(checkedAccess.Value.Access, review.Reference, ActionPlanAccess.EffectiveStage(review), review.DateNotified);
    }

    /// For the three recording handlers: the lead office's right to record (refusals audited), then the stage.
    public static async Task<Result<ConductReview>> CheckRecordAsync(IReviewDb db, AuditLog audit, Actor actor, int reviewId, string what,
        CancellationToken ct)
    {
        var checkedAccess = await CheckAsync(db, audit, actor, reviewId, edit: true, what, ct);
        return checkedAccess.IsSuccess && !IsRecordedAt(checkedAccess.Value.Stage) ? WrongStage(checkedAccess.Value.Stage) : checkedAccess;
    }

    public static bool IsRecordedAt(Stage stage) => ActionPlanAccess.RecommendationStages.Contains(stage);

    public static Error WrongStage(Stage stage) => new(
        $"The findings and conduct of a review are recorded from \"{StageNames.Describe(Stage.PanelAndReport)}\" onwards; this review is at "
        + $"\"{StageNames.Describe(stage)}\".");
}
