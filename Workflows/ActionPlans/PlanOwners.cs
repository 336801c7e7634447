using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.ActionPlans;

/// The review or learning source an action plan belongs to, as the shared action plan handlers need it: how pages and
/// the audit name it (Reference; Label is the review's case label or the source's title), how emails name it (EmailLabel:
/// the case label, or the source's kind, never its free-text title), the office whose agencies own its actions, the CSP
/// whose action plan team manages it, the stage (reviews only: a learning source has no stages) and the day before which
/// no action of it can have been agreed.
public sealed record PlanOwner(PlanOf Plan, string Reference, string Label, string EmailLabel, int OfficeId, int CspId, Stage? Stage,
    string AgreedSince, DateOnly AgreedSinceOn)
{
    /// The plan's page.
    public string Link => PlanLinks.For(Plan);

    /// Recommendations are recorded from a review's final draft, and any time for a learning source (it is agreed already).
    public bool TakesRecommendations => Stage is not Stage stage || ActionPlanAccess.RecommendationStages.Contains(stage);

    /// Actions are added from a review's CRG sign-off, and any time for a learning source.
    public bool TakesActions => Stage is not Stage stage || ActionPlanAccess.ActionStages.Contains(stage);
}

public static class PlanLinks
{
    public static string For(PlanOf plan) =>
        plan.ReviewId is int review ? $"reviews/{review}/action-plan" : $"learning-sources/{plan.LearningSourceId}/action-plan";
}

public static class PlanOwners
{
    public static Task<PlanOwner?> LoadAsync(IReviewDb db, PlanAction action, CancellationToken ct) => LoadAsync(db, action.Plan, ct);

    public static async Task<PlanOwner?> LoadAsync(IReviewDb db, PlanOf plan, CancellationToken ct)
    {
        if (plan.ReviewId is int reviewId)
        {
            var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
                .Select(r => new { r.Reference, r.CaseLabel, r.LeadOfficeId, r.LeadCspId, r.Stage, r.HeldFromStage, r.DateNotified }).SingleOrDefaultAsync(ct);
            return review is null
                ? null
                : new PlanOwner(plan, review.Reference, review.CaseLabel, review.CaseLabel, review.LeadOfficeId, review.LeadCspId,
                    review.Stage == Stage.OnHold ? review.HeldFromStage ?? review.Stage : review.Stage, "the death was notified", review.DateNotified);
        }

        var source = await db.LearningSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == plan.LearningSourceId, ct);
        return source is null
            ? null
            : new PlanOwner(plan, source.Reference, source.Title, LearningSource.Describe(source.Kind), source.OfficeId, source.CspId, null,
                "the learning source was agreed", source.AgreedOn);
    }

    /// The plan, if the actor manages it (ActionPlanAccess); otherwise the refusal (audited).
    public static async Task<(PlanOwner? Owner, Error? Refused)> ForChangeAsync(IReviewDb db, AuditLog audit, Actor actor, PlanOf plan, string what,
        CancellationToken ct)
    {
        if (!(await ActionPlanAccess.ForPlanAsync(db, actor, plan, ct)).CanManage)
        {
            await audit.RefusedAsync(db, actor, "ActionPlan", plan.ReviewId?.ToString() ?? LearningSource.ReferenceFor(plan.LearningSourceId!.Value),
                plan.ReviewId, what, ct);
            return (null, new AccessRefused(plan.IsReview
                ? "this review's action plan (review officers of the lead office, or the CSP's action plan team, record it)"
                : "this learning source's action plan (review officers of the CSP's office, or the CSP's action plan team, record it)"));
        }

        return (await LoadAsync(db, plan, ct), null);
    }
}
