using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

public sealed record RecommendationInput(string? Text, RecommendationLevel? Level, int? AddressedToAgencyId, string? AddressedToBody,
    IReadOnlyCollection<int> ThemeIds);

/// A recommendation of the final report, recorded by a review officer of the lead office from PanelAndReport onwards.
public sealed class RecordRecommendationHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public Task<Result<int>> HandleAsync(Actor actor, int reviewId, RecommendationInput input, CancellationToken ct = default) =>
        HandleAsync(actor, PlanOf.Review(reviewId), input, ct);

    /// A review's recommendation, or a learning source's (by the same rules, with no stage to wait for).
    public async Task<Result<int>> HandleAsync(Actor actor, PlanOf plan, RecommendationInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (owner, refused) = await PlanOwners.ForChangeAsync(db, audit, actor, plan, "record a recommendation", ct);
        if (refused is not null)
        {
            return refused;
        }

        if (!owner!.TakesRecommendations)
        {
            return new Error("Recommendations are recorded from the final draft: the review must be at panel and report writing or later.");
        }

        var errors = Recommendation.Validate(input.Text, input.Level, input.AddressedToAgencyId, input.AddressedToBody).ToList();
        var level = input.Level;
        var agencyId = level is RecommendationLevel.SingleAgency or RecommendationLevel.MultiAgency ? input.AddressedToAgencyId : null;
        if (agencyId is int agency && !await PlanReviews.IsActiveAgencyAsync(db, agency, ct))
        {
            errors.Add(new Error("The agency was not found or is inactive: choose one from the list.", nameof(RecommendationInput.AddressedToAgencyId)));
        }

        var themeIds = input.ThemeIds.Distinct().ToList();
        if (themeIds.Count > 0 && await PlanReviews.CountActiveThemesAsync(db, themeIds, ct) != themeIds.Count)
        {
            errors.Add(new Error("One of the themes was not found or is no longer in use: choose themes from the list.", nameof(RecommendationInput.ThemeIds)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var number = await db.Recommendations.Where(r => r.ReviewId == plan.ReviewId && r.LearningSourceId == plan.LearningSourceId)
            .Select(r => (int?)r.Number).MaxAsync(ct) ?? 0;
        var recommendation = new Recommendation
        {
            Plan = plan,
            Number = number + 1,
            Text = input.Text!.Trim(),
            Level = level!.Value,
            AddressedToAgencyId = agencyId,
            AddressedToBody = level == RecommendationLevel.National ? input.AddressedToBody!.Trim() : null,
            CreatedAtUtc = clock.UtcNow,
            CreatedByUserId = actor.UserId,
            Themes = themeIds.Select(t => new RecommendationTheme { ThemeId = t }).ToList(),
        };
        db.Recommendations.Add(recommendation);
        audit.Add(db, actor, AuditAction.Created, "Recommendation", null, plan.ReviewId, owner.Reference,
            $"recommendation R{recommendation.Number}: level {level}, themes {themeIds.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two officers numbering at once (unique review or source + number): the second tries again.
            return new Conflict("The action plan");
        }

        return recommendation.Id;
    }
}

/// The checks the recommendation and action commands share (PlanOwners.ForChangeAsync loads the plan, checking access).
internal static class PlanReviews
{
    public static Task<bool> IsActiveAgencyAsync(IReviewDb db, int agencyId, CancellationToken ct) =>
        db.Organisations.AnyAsync(o => o.Id == agencyId && o.Kind == OrganisationKind.Agency && o.IsActive, ct);

    public static Task<int> CountActiveThemesAsync(IReviewDb db, IReadOnlyCollection<int> themeIds, CancellationToken ct) =>
        ActionPlanThemes.CountActiveAsync(db, themeIds, ct);
}
