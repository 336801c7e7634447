using Domain.Reviews;
using Domain.Themes;

namespace Portal.Fast.Tests;

public sealed class BriefingRulesTests
{
    [Fact]
    public void Prefill_ThemesOneALine_RecommendationsInNumberOrderWithLevelAndAddressee_NoSummaryNorQuestions()
    {
        var texts = BriefingRules.Prefill(["Coercive control", "  ", " Economic abuse "],
        [
            new BriefingRecommendation(2, "National", "Home Office", "Fund advocacy\r\nfor older victims. "),
            new BriefingRecommendation(1, "Single agency", "Leicestershire Police", "Review risk assessment after separation."),
            new BriefingRecommendation(3, "CSP-wide", "", "Run a campaign."),
        ]);

        Assert.Null(texts.Summary);
        Assert.Null(texts.Questions);
        Assert.Equal("Coercive control\nEconomic abuse", texts.Themes);
        Assert.Equal(
            "R1 (Single agency: Leicestershire Police): Review risk assessment after separation.\n"
            + "R2 (National: Home Office): Fund advocacy for older victims.\n"
            + "R3 (CSP-wide): Run a campaign.", texts.Recommendations);
    }

    [Fact]
    public void Prefill_NothingHeld_LeavesEachPartEmpty()
    {
        Assert.Equal(new BriefingTexts(null, null, null, null), BriefingRules.Prefill([], []));
    }

    [Fact]
    public void Check_TrimsAndNormalisesLineEnds_EmptyIsNull()
    {
        var (texts, errors) = BriefingRules.Check(new BriefingTexts("  A summary.\r\nSecond line. ", "\n", null, " Q1?\r\nQ2? "));

        Assert.Empty(errors);
        Assert.Equal(new BriefingTexts("A summary.\nSecond line.", null, null, "Q1?\nQ2?"), texts);
    }

    [Fact]
    public void Check_SummaryIsRequired_AndEachPartHasItsLimit()
    {
        Assert.Equal(["Summary"], BriefingRules.Check(new BriefingTexts("   ", "Theme", "R1", "Q?")).Errors.Select(e => e.Field));

        var (_, errors) = BriefingRules.Check(new BriefingTexts(new string('s', ReviewBriefing.SummaryMaxLength + 1),
            new string('t', ReviewBriefing.ThemesMaxLength + 1), new string('r', ReviewBriefing.RecommendationsMaxLength + 1),
            new string('q', ReviewBriefing.QuestionsMaxLength + 1)));
        Assert.Equal(["Summary", "Themes", "Recommendations", "Questions"], errors.Select(e => e.Field));
        Assert.Contains("4,000 characters or fewer (now 4,001)", errors[0].Message, StringComparison.Ordinal);

        Assert.Empty(BriefingRules.Check(new BriefingTexts(new string('s', ReviewBriefing.SummaryMaxLength),
            new string('t', ReviewBriefing.ThemesMaxLength), new string('r', ReviewBriefing.RecommendationsMaxLength),
            new string('q', ReviewBriefing.QuestionsMaxLength))).Errors);
    }

    [Theory]
    [InlineData(Stage.PanelAndReport, null, false)]
    [InlineData(Stage.CrgSignOff, null, true)]
    [InlineData(Stage.Submitted, null, true)]
    [InlineData(Stage.Publication, null, true)]
    [InlineData(Stage.ActionPlanMonitoring, null, true)]
    [InlineData(Stage.Closed, null, true)]
    [InlineData(Stage.OnHold, Stage.PanelAndReport, false)]
    [InlineData(Stage.OnHold, Stage.Submitted, true)]
    [InlineData(Stage.Commissioning, null, false)]
    public void MayWrite_FromCrgSignOff_AHeldReviewAsTheStageItWasHeldFrom(Stage stage, Stage? heldFrom, bool may)
    {
        Assert.Equal(may, BriefingRules.MayWrite(stage, heldFrom));
    }

    [Fact]
    public void SplitLines_LeavesOutBlankLines()
    {
        Assert.Equal(["One", "Two"], BriefingRules.SplitLines(" One \r\n\r\n  \nTwo"));
        Assert.Empty(BriefingRules.SplitLines(null));
    }
}
