using Domain.Crg;
using Domain.Reviews;

namespace Portal.Fast.Tests;

/// Meeting dates, what the CRG is asked in each stage, and what recording an outcome needs.
public class CrgRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-7, false)]
    public void ValidateMeetingDate_MustBeInTheFuture(int days, bool ok)
    {
        var errors = CrgRules.ValidateMeetingDate(Today.AddDays(days), Today);

        Assert.Equal(ok, errors.Count == 0);
        Assert.All(errors, e => Assert.Contains("must be in the future", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateMeetingDate_Missing_AsksForIt() =>
        Assert.Equal("Enter the date of the meeting.", Assert.Single(CrgRules.ValidateMeetingDate(null, Today)).Message);

    [Theory]
    [InlineData(Stage.NotificationReceived, false, AgendaPurpose.Decision)]
    [InlineData(Stage.AwaitingCrgDecision, false, AgendaPurpose.Decision)]
    [InlineData(Stage.CrgSignOff, false, AgendaPurpose.SignOff)]
    [InlineData(Stage.CrgSignOff, true, null)]
    [InlineData(Stage.PanelAndReport, false, null)]
    [InlineData(Stage.OnHold, false, null)]
    public void PurposeFor_OnlyCasesWaitingForTheCrg(Stage stage, bool signedOff, AgendaPurpose? expected) =>
        Assert.Equal(expected, CrgRules.PurposeFor(stage, signedOff ? Today : null));

    [Fact]
    public void ValidateOutcome_BeforeTheMeeting_IsRefused()
    {
        var errors = CrgRules.ValidateOutcome(AgendaPurpose.Decision, CrgItemOutcome.CriteriaMet, "Former partner.", [], Today.AddDays(1), Today);

        Assert.Contains("has not taken place yet", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOutcome_DecisionWithoutRationale_AsksForIt()
    {
        Assert.Equal("Rationale", Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.Decision, CrgItemOutcome.CriteriaNotMet, " ", [], Today, Today)).Field);
        Assert.Equal("Say what information the CRG needs.",
            Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.Decision, CrgItemOutcome.MoreInformationNeeded, null, [], Today, Today)).Message);
    }

    [Fact]
    public void ValidateOutcome_OutcomeMustFitTheQuestion()
    {
        Assert.Equal("Outcome", Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.SignOff, CrgItemOutcome.CriteriaMet, "x", [], Today, Today)).Field);
        Assert.Equal("Outcome", Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.Decision, null, "x", [], Today, Today)).Field);
    }

    [Fact]
    public void ValidateOutcome_AmendmentsRequired_NeedsAList()
    {
        Assert.Equal("Amendments", Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.SignOff, CrgItemOutcome.AmendmentsRequired, null, ["  "], Today, Today)).Field);
        Assert.Empty(CrgRules.ValidateOutcome(AgendaPurpose.SignOff, CrgItemOutcome.AmendmentsRequired, null, ["Clarify the chronology.", "Add the GP's view."], Today, Today));
        Assert.Empty(CrgRules.ValidateOutcome(AgendaPurpose.SignOff, CrgItemOutcome.SignedOff, null, [], Today, Today));
        Assert.Equal("Amendments", Assert.Single(CrgRules.ValidateOutcome(AgendaPurpose.SignOff, CrgItemOutcome.SignedOff, null, ["x"], Today, Today)).Field);
    }

    [Fact]
    public void Lines_SplitsATextBoxIntoEntries() =>
        Assert.Equal(["one", "two"], CrgRules.Lines("one\r\n\n  two  \n"));
}
