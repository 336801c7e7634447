using Domain.ActionPlans;

namespace Portal.Fast.Tests;

/// A learning source's fields, and the one-of-two rule: a recommendation or action belongs to a review or to a learning
/// source, never both, never neither.
public sealed class LearningSourceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Validate_EachFieldSaysWhatToDo()
    {
        Assert.Equal(["Kind", "Title", "AgreedOn", "CspId"], LearningSource.Validate(null, " ", null, null, Today).Select(e => e.Field));
        Assert.Equal(["Kind", "Title", "AgreedOn"], LearningSource.Validate((LearningSourceKind)99, new string('t', LearningSource.TitleMaxLength + 1),
            Today.AddDays(1), 3, Today).Select(e => e.Field));
        Assert.Contains("future", LearningSource.Validate(LearningSourceKind.ThematicReview, "T", Today.AddDays(1), 3, Today).Single().Message,
            StringComparison.Ordinal);
        Assert.Empty(LearningSource.Validate(LearningSourceKind.AppreciativeInquiry, "Appreciative inquiry 2026", Today, 3, Today));
    }

    [Fact]
    public void Reference_NamesTheSourceByItsIdOnly()
    {
        var source = new LearningSource { Id = 12, Title = "Thematic review of older victims", CreatedByUserId = "u" };
        Assert.Equal("LS-12", source.Reference);
        Assert.Equal("Thematic review", LearningSource.Describe(LearningSourceKind.ThematicReview));
    }

    [Fact]
    public void Plan_IsAReviewsOrALearningSourcesNeverBothNorNeither()
    {
        Assert.Equal((7, (int?)null), (PlanOf.Review(7).ReviewId, PlanOf.Review(7).LearningSourceId));
        Assert.Equal(((int?)null, 4), (PlanOf.Source(4).ReviewId, PlanOf.Source(4).LearningSourceId));
        Assert.Equal(PlanOf.Source(4), PlanOf.Of(null, 4));
        Assert.Throws<InvalidOperationException>(() => PlanOf.Of(7, 4));
        Assert.Throws<InvalidOperationException>(() => PlanOf.Of(null, null));

        // Setting an action's plan sets both ids, so a source's action can never keep a review id.
        var action = new PlanAction { What = "W", OwnerUserId = "o", SuccessMeasure = "M", CreatedByUserId = "u", ReviewId = 7 };
        action.Plan = PlanOf.Source(4);
        Assert.Equal(((int?)null, (int?)4), (action.ReviewId, action.LearningSourceId));
        var recommendation = new Recommendation { Text = "T", CreatedByUserId = "u", LearningSourceId = 4, ReviewId = 7 };
        Assert.Throws<InvalidOperationException>(() => recommendation.Plan);
    }
}
