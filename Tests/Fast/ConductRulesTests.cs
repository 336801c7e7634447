using Domain.Conduct;

namespace Portal.Fast.Tests;

/// The rules of the findings and conduct of a review: the author's words required with an answer, entered dates never
/// in the future nor before the death was notified.
public sealed class ConductRulesTests
{
    private static readonly DateOnly Notified = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static string Findings(FindingAnswer? predictable, string? predictableWords, FindingAnswer? preventable, string? preventableWords, DateOnly? dated) =>
        string.Join(",", FindingsRules.Validate(new FindingsInput(predictable, predictableWords, preventable, preventableWords, dated), Notified, Today)
            .Select(e => e.Field));

    [Fact]
    public void Findings_EachAnswerNeedsTheAuthorsWords_AndWordsNeedAnAnswer()
    {
        Assert.Equal(string.Empty, Findings(FindingAnswer.No, "\"The homicide could not have been predicted.\"", FindingAnswer.Partly, "Some chances were missed.", Today));
        Assert.Equal("PredictableWords,PreventableWords", Findings(FindingAnswer.Yes, "   ", FindingAnswer.NotConcluded, null, Today));
        Assert.Equal("PreventableWords", Findings(null, null, null, "Words without an answer", Today));
        Assert.Equal("PredictableWords", Findings(FindingAnswer.Yes, new string('a', ReviewFindings.WordsMaxLength + 1), null, null, Today));
        Assert.Equal(string.Empty, Findings(FindingAnswer.Yes, new string('a', ReviewFindings.WordsMaxLength), null, null, Today));
        Assert.Equal("Predictable", Findings((FindingAnswer)42, "words", null, null, Today));
        Assert.Equal(
            "Quote the author's words that say whether the death was predictable.",
            FindingsRules.Validate(new FindingsInput(FindingAnswer.Yes, null, null, null, Today), Notified, Today).Single().Message);
    }

    [Fact]
    public void Findings_TheReportsDateIsEntered_NotInTheFutureNorBeforeTheNotification()
    {
        Assert.Equal("ReportDated", Findings(FindingAnswer.No, "words", null, null, null));
        Assert.Equal("ReportDated", Findings(FindingAnswer.No, "words", null, null, Today.AddDays(1)));
        Assert.Equal("ReportDated", Findings(FindingAnswer.No, "words", null, null, Notified.AddDays(-1)));
        Assert.Equal(string.Empty, Findings(FindingAnswer.No, "words", null, null, Notified));
        // Nothing recorded yet: no date needed.
        Assert.Equal(string.Empty, Findings(null, null, null, null, null));
        Assert.Equal(string.Empty, Findings(null, null, null, null, Today));
    }

    [Fact]
    public void Findings_Describe_InTheWordsReportsUse()
    {
        Assert.Equal(["Yes", "No", "Partly", "Not concluded"], Enum.GetValues<FindingAnswer>().Select(a => ReviewFindings.Describe(a)));
        Assert.Equal("Not recorded", ReviewFindings.Describe(null));
        Assert.Equal("words", FindingsRules.Clean("  words \n"));
        Assert.Null(FindingsRules.Clean(" \n "));
    }
}
