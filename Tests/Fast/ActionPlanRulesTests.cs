using Domain.ActionPlans;
using Domain.Calendar;
using Domain.Reviews;
using Microsoft.Extensions.Time.Testing;
using Workflows.Process;
using Workflows.Time;

namespace Portal.Fast.Tests;

/// Action plan rules (issue 6): overdue from the London day after the due date, quarterly request dates across year
/// ends, impact review dates at month ends and in leap years, field rules, and the guard on closing a review.
public class ActionPlanRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(ActionStatus.NotStarted, "2026-11-23", ActionDisplayStatus.NotStarted)]
    [InlineData(ActionStatus.OnTrack, "2026-11-23", ActionDisplayStatus.OnTrack)]
    [InlineData(ActionStatus.AtRisk, "2026-11-23", ActionDisplayStatus.AtRisk)]
    [InlineData(ActionStatus.OnTrack, "2026-11-24", ActionDisplayStatus.Overdue)]
    [InlineData(ActionStatus.NotStarted, "2027-01-01", ActionDisplayStatus.Overdue)]
    [InlineData(ActionStatus.Completed, "2027-01-01", ActionDisplayStatus.Completed)]
    [InlineData(ActionStatus.SignedOff, "2027-01-01", ActionDisplayStatus.SignedOff)]
    public void Current_DueOn23Nov_OverdueFromTheNextDayWhileOpen(ActionStatus stored, string today, ActionDisplayStatus expected) =>
        Assert.Equal(expected, ActionStatuses.Current(stored, D(2026, 11, 23), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Current_WithTheBusinessClock_OverdueAtLondonMidnightNotUtcMidnight()
    {
        // Due 30 Jun 2026 (BST): at 23:30 UTC on 30 Jun it is already 1 Jul in London.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 22, 59, 0, TimeSpan.Zero));
        var clock = new BusinessClock(time);
        Assert.Equal(ActionDisplayStatus.OnTrack, ActionStatuses.Current(ActionStatus.OnTrack, D(2026, 6, 30), clock.Today));

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(ActionDisplayStatus.Overdue, ActionStatuses.Current(ActionStatus.OnTrack, D(2026, 6, 30), clock.Today));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-09-01")]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("2026-12-31", "2026-12-01")]
    [InlineData("2027-01-01", "2026-12-01")]
    [InlineData("2027-02-28", "2026-12-01")]
    [InlineData("2027-03-01", "2027-03-01")]
    [InlineData("2027-05-31", "2027-03-01")]
    public void UpdateRequestDates_CurrentOn_TheLatestDateOnOrBeforeToday_AcrossTheYearEnd(string today, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            UpdateRequestDates.Default.CurrentOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void UpdateRequestDates_NextAfter_RollsIntoNextYear()
    {
        Assert.Equal(D(2027, 3, 1), UpdateRequestDates.Default.NextAfter(D(2026, 12, 1)));
        Assert.Equal(D(2026, 12, 1), UpdateRequestDates.Default.NextAfter(D(2026, 11, 30)));
    }

    [Fact]
    public void UpdateRequestDates_29February_FallsOn28FebruaryInOtherYears()
    {
        var dates = UpdateRequestDates.Parse("29-02, 31-08");

        Assert.Equal(D(2027, 2, 28), dates.CurrentOn(D(2027, 3, 15)));
        Assert.Equal(D(2028, 2, 29), dates.CurrentOn(D(2028, 2, 29)));
        Assert.Equal(D(2027, 8, 31), dates.CurrentOn(D(2028, 1, 10)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01-13")]
    [InlineData("32-01")]
    [InlineData("30-02")]
    [InlineData("1 March")]
    public void UpdateRequestDates_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => UpdateRequestDates.Parse(text));

    [Theory]
    [InlineData("2026-11-23", 12, "2027-11-23")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2027-02-28", 12, "2028-02-28")]
    [InlineData("2027-08-31", 6, "2028-02-29")]
    [InlineData("2026-08-31", 6, "2027-02-28")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-12-31", 12, "2027-12-31")]
    public void ImpactReviewDue_MonthsAfterSignOff_ClampedAtMonthEnd(string signedOff, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ActionStatuses.ImpactReviewDue(DateOnly.Parse(signedOff, System.Globalization.CultureInfo.InvariantCulture), months));

    [Fact]
    public void Recommendation_Validate_EachBadFieldHasItsMessage()
    {
        Assert.Equal(["Text", "Level"], Recommendation.Validate(" ", null, null, null).Select(e => e.Field));
        Assert.Equal(["AddressedToAgencyId"], Recommendation.Validate("Train staff.", RecommendationLevel.SingleAgency, null, null).Select(e => e.Field));
        Assert.Equal(["AddressedToBody"], Recommendation.Validate("Change guidance.", RecommendationLevel.National, null, " ").Select(e => e.Field));
        Assert.Empty(Recommendation.Validate("CSP-wide training.", RecommendationLevel.Csp, null, null));
        Assert.Equal(["Text"], Recommendation.Validate(new string('x', Recommendation.TextMaxLength + 1), RecommendationLevel.Csp, null, null).Select(e => e.Field));
    }

    [Fact]
    public void PlanAction_Validate_EachBadFieldHasItsMessage_PastDueRefused()
    {
        var today = D(2026, 11, 23);
        var errors = PlanAction.Validate(null, null, null, null, null, today);
        Assert.Equal(["What", "OwnerAgencyId", "OwnerUserId", "DueDate", "SuccessMeasure"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(["DueDate"], PlanAction.Validate("Train.", 1, "u", today.AddDays(-1), "All trained.", today).Select(e => e.Field));
        Assert.Empty(PlanAction.Validate("Train.", 1, "u", today, "All trained.", today));
    }

    [Fact]
    public void CloseReview_WhileActionsAreNotSignedOff_IsUnavailableWithTheCount()
    {
        var definition = new DardrV1();
        var review = new Review
        {
            Reference = "LR-2026-001", CaseLabel = "Case A", CaseLabelKey = "case a", SearchText = "x", CreatedByUserId = "u",
            Stage = Stage.ActionPlanMonitoring,
        };
        var officer = new Domain.Access.Actor("u", "o@x", new HashSet<Domain.Access.Role> { Domain.Access.Role.ReviewOfficer }, new HashSet<int>(), new HashSet<int>());

        var refused = definition.Evaluate(review, new GuardFacts(ActionsNotSignedOff: 3), officer, canChange: true, Domain.Workflow.Trigger.CloseReview);
        var one = definition.Evaluate(review, new GuardFacts(ActionsNotSignedOff: 1), officer, canChange: true, Domain.Workflow.Trigger.CloseReview);
        var allowed = definition.Evaluate(review, GuardFacts.None, officer, canChange: true, Domain.Workflow.Trigger.CloseReview);

        Assert.False(refused.IsAvailable);
        Assert.Contains("3 actions are not signed off yet.", refused.Reasons);
        Assert.Contains("1 action is not signed off yet.", one.Reasons);
        Assert.True(allowed.IsAvailable);
    }
}
