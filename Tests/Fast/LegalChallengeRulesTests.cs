using Domain.Reviews;

namespace Portal.Fast.Tests;

/// LegalChallengeRules with fixed dates (today 20 Dec 2026, notified 1 Oct 2026): the kind and the date lodged are
/// required, the dates run lodged, hearing, outcome, none in the future nor before the notification, an outcome goes
/// with its date, and an appeal follows the outcome it challenges.
public class LegalChallengeRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 20);

    private static readonly DateOnly Notified = new(2026, 10, 1);

    private static List<(string?, string)> Errors(LegalChallengeKind? kind, DateOnly? lodged, DateOnly? hearing = null, DateOnly? outcomeOn = null,
        LegalChallengeOutcome? outcome = null, LegalChallenge? appealOf = null, string? note = null) =>
        [.. LegalChallengeRules.Check(kind, lodged, hearing, outcomeOn, outcome, appealOf, note, Notified, Today).Select(e => (e.Field, e.Message))];

    [Fact]
    public void Check_AChallengeLodged_OrHeard_OrDecidedInOrder_IsValid()
    {
        Assert.Empty(Errors(LegalChallengeKind.JudicialReview, new DateOnly(2026, 11, 2)));
        Assert.Empty(Errors(LegalChallengeKind.Complaint, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2)));
        Assert.Empty(Errors(LegalChallengeKind.Appeal, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 1), Today, LegalChallengeOutcome.Dismissed));
        Assert.Empty(Errors(LegalChallengeKind.JudicialReview, new DateOnly(2026, 11, 2), outcomeOn: new DateOnly(2026, 11, 3), outcome: LegalChallengeOutcome.Withdrawn));
    }

    [Fact]
    public void Check_WithoutAKindOrALodgedDate_SaysWhatIsMissing()
    {
        Assert.Equal([("Kind", "Choose the kind of challenge: a judicial review, a complaint or an appeal."), ("LodgedOn", "Give the date the challenge was lodged.")],
            Errors(null, null));
    }

    [Fact]
    public void Check_DatesInTheFutureOrBeforeTheNotification_AreRefused()
    {
        Assert.Equal([("LodgedOn", "The date cannot be in the future.")], Errors(LegalChallengeKind.Complaint, Today.AddDays(1)));
        Assert.Equal([("LodgedOn", "The date cannot be before the death was notified: check it.")], Errors(LegalChallengeKind.Complaint, Notified.AddDays(-1)));
        Assert.Equal([("HearingOn", "The date cannot be in the future.")], Errors(LegalChallengeKind.Complaint, Today, Today.AddDays(1)));
        Assert.Equal([("OutcomeOn", "The date cannot be in the future.")],
            Errors(LegalChallengeKind.Complaint, Today, outcomeOn: Today.AddDays(1), outcome: LegalChallengeOutcome.Upheld));
    }

    [Fact]
    public void Check_DatesOutOfOrder_AreRefusedBesideTheLaterField()
    {
        var lodged = new DateOnly(2026, 11, 10);
        Assert.Equal([("HearingOn", "The date cannot be before the challenge was lodged (10 Nov 2026): check it.")],
            Errors(LegalChallengeKind.JudicialReview, lodged, lodged.AddDays(-1)));
        Assert.Equal([("OutcomeOn", "The date cannot be before the hearing (1 Dec 2026): check it.")],
            Errors(LegalChallengeKind.JudicialReview, lodged, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30), LegalChallengeOutcome.Upheld));
        Assert.Equal([("OutcomeOn", "The date cannot be before the challenge was lodged (10 Nov 2026): check it.")],
            Errors(LegalChallengeKind.JudicialReview, lodged, outcomeOn: lodged.AddDays(-1), outcome: LegalChallengeOutcome.Upheld));
    }

    [Fact]
    public void Check_AnOutcomeAndItsDate_GoTogether()
    {
        var lodged = new DateOnly(2026, 11, 10);
        Assert.Equal([("Outcome", "Choose the outcome, or leave the date of the outcome empty.")], Errors(LegalChallengeKind.Complaint, lodged, outcomeOn: Today));
        Assert.Equal([("OutcomeOn", "Give the date of the outcome.")], Errors(LegalChallengeKind.Complaint, lodged, outcome: LegalChallengeOutcome.Settled));
    }

    [Fact]
    public void Check_AnAppeal_FollowsTheOutcomeItChallenges_WhichMustBeRecorded()
    {
        var ruled = new LegalChallenge { RecordedByUserId = "u", Kind = LegalChallengeKind.JudicialReview, LodgedOn = new DateOnly(2026, 10, 5), OutcomeOn = new DateOnly(2026, 11, 20) };
        Assert.Empty(Errors(LegalChallengeKind.Appeal, new DateOnly(2026, 11, 20), appealOf: ruled));
        Assert.Equal([("LodgedOn", "The date cannot be before the outcome it appeals (20 Nov 2026): check it.")],
            Errors(LegalChallengeKind.Appeal, new DateOnly(2026, 11, 19), appealOf: ruled));
        Assert.Equal([("AppealOfId", "Only a challenge with an outcome can be appealed: record its outcome first.")],
            Errors(LegalChallengeKind.Appeal, new DateOnly(2026, 11, 19), appealOf: new LegalChallenge { RecordedByUserId = "u", LodgedOn = new DateOnly(2026, 10, 5) }));
    }

    [Fact]
    public void BoardCase_UnderLegalChallenge_SaysSoBeforeItsUpdate()
    {
        Assert.Equal("Case 7 (LR-2026-007), under legal challenge: Awaiting the hearing",
            Workflows.Reports.BoardReportText.Case(new Workflows.Reports.BoardCase(7, "LR-2026-007", "Case 7", "Awaiting the hearing", UnderLegalChallenge: true)));
        Assert.Equal("Case 7 (LR-2026-007)", Workflows.Reports.BoardReportText.Case(new Workflows.Reports.BoardCase(7, "LR-2026-007", "Case 7", null)));
    }
}
