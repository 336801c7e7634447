using Domain.ActionPlans;

namespace Portal.Fast.Tests;

/// The dates people enter for an action (issue 18): the day it was agreed, an update's "as at" date and the day a re-plan
/// was agreed. Never in the future, never before the action was agreed nor before the latest of their kind, each
/// message naming the bound; the recording time is shown only where it fell on another day.
public class ActionDatesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static PlanAction Action(DateOnly agreed) => new()
    {
        What = "Train response officers.", OwnerUserId = "pat", SuccessMeasure = "All trained.", CreatedByUserId = "officer", AgreedOn = agreed,
        DueDate = new DateOnly(2027, 3, 31),
    };

    [Fact]
    public void Agreed_TodayOrEarlierFromTheNotification_Accepted_FutureOrBeforeTheDeath_RefusedBesideTheField()
    {
        var notified = new DateOnly(2026, 1, 12);

        Assert.Null(ActionDates.CheckAgreed(Today, Today, notified));
        Assert.Null(ActionDates.CheckAgreed(notified, Today, notified));
        var future = ActionDates.CheckAgreed(Today.AddDays(1), Today, notified);
        Assert.Equal(("The agreed date cannot be in the future.", nameof(PlanAction.AgreedOn)), (future?.Message, future?.Field));
        Assert.Equal("The agreed date cannot be before the death was notified (12 Jan 2026).", ActionDates.CheckAgreed(notified.AddDays(-1), Today, notified)?.Message);
        Assert.Equal("Enter the date the action was agreed.", ActionDates.CheckAgreed(null, Today, notified)?.Message);
    }

    [Fact]
    public void Update_AMonthAgo_Accepted_BeforeTheActionWasAgreed_OrTheLatestUpdate_Refused_NamingTheLaterBound()
    {
        var action = Action(new DateOnly(2026, 9, 1));

        Assert.Null(ActionDates.CheckUpdate(Today.AddMonths(-1), Today, action, null, "AsAt"));
        Assert.Null(ActionDates.CheckUpdate(new DateOnly(2026, 10, 5), Today, action, new DateOnly(2026, 10, 5), "AsAt"));
        Assert.Equal("The \"as at\" date cannot be before the action was agreed (1 Sep 2026).",
            ActionDates.CheckUpdate(new DateOnly(2026, 8, 31), Today, action, null, "AsAt")?.Message);
        var beforeLatest = ActionDates.CheckUpdate(new DateOnly(2026, 10, 4), Today, action, new DateOnly(2026, 10, 5), "AsAt");
        Assert.Equal(("The \"as at\" date cannot be before its latest update (5 Oct 2026).", "AsAt"), (beforeLatest?.Message, beforeLatest?.Field));
        Assert.Equal("The \"as at\" date cannot be in the future.", ActionDates.CheckUpdate(Today.AddDays(1), Today, action, null, "AsAt")?.Message);
    }

    [Fact]
    public void Replan_NotBeforeTheLatestReplan_NorInTheFuture_ThroughTheReplanRules()
    {
        var action = Action(new DateOnly(2026, 9, 1));
        action.Status = ActionStatus.OnTrack;
        var replan = new ActionReplan(action.What, 0, "pat", new DateOnly(2027, 4, 30), "Trainer off sick.", new DateOnly(2026, 11, 2));

        Assert.Empty(ActionReplanning.Validate(action, replan, Today, latestReplan: new DateOnly(2026, 11, 2)));
        var early = Assert.Single(ActionReplanning.Validate(action, replan, Today, latestReplan: new DateOnly(2026, 11, 3)));
        Assert.Equal(("The \"agreed on\" date cannot be before its latest re-plan (3 Nov 2026).", nameof(ActionReplan.AgreedOn)), (early.Message, early.Field));
        Assert.Equal("The \"agreed on\" date cannot be in the future.",
            Assert.Single(ActionReplanning.Validate(action, replan with { AgreedOn = Today.AddDays(1) }, Today)).Message);
    }

    [Fact]
    public void Replan_Applied_EachChangeCarriesTheAgreedDay_ElseTheLondonDateItWasRecorded()
    {
        var action = Action(new DateOnly(2026, 9, 1));
        action.Status = ActionStatus.OnTrack;
        // 23:30 UTC on 6 Jul is 00:30 on 7 Jul in London.
        var at = new DateTime(2026, 7, 6, 23, 30, 0, DateTimeKind.Utc);
        var replan = new ActionReplan("Train every officer.", 0, "pat", new DateOnly(2027, 4, 30), "Wider.");

        var dated = ActionReplanning.Apply(action, replan with { AgreedOn = new DateOnly(2026, 6, 30) }, (_, u) => u, "officer", at);
        var undated = ActionReplanning.Apply(action, replan with { What = "Train all officers." }, (_, u) => u, "officer", at);

        Assert.All(dated, c => Assert.Equal(new DateOnly(2026, 6, 30), c.AgreedOn));
        Assert.Equal(new DateOnly(2026, 7, 7), Assert.Single(undated).AgreedOn);
    }

    [Fact]
    public void RecordedBy_ShowsWhenItWasRecorded_OnlyWhereThatWasAnotherDay()
    {
        var at = new DateTime(2026, 12, 6, 14, 5, 0, DateTimeKind.Utc);

        Assert.Equal("Priya Police", ActionDates.RecordedBy(new DateOnly(2026, 12, 6), at, "Priya Police"));
        Assert.Equal("Priya Police, recorded 6 Dec 2026 14:05", ActionDates.RecordedBy(new DateOnly(2026, 11, 6), at, "Priya Police"));
    }
}
