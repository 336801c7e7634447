using Domain.Reviews;

namespace Portal.Fast.Tests;

public class CaseLabelsTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Letters_CountLikeSpreadsheetColumns(int n, string expected) => Assert.Equal(expected, CaseLabels.Letters(n));

    [Fact]
    public void Suggest_NoLabelsThatYear_StartsAtA() => Assert.Equal("Case A 2025", CaseLabels.Suggest(2025, ["Case A 2024"]));

    [Fact]
    public void Suggest_SkipsLabelsInUse_IgnoringCaseAndSpaces() =>
        Assert.Equal("Case C 2025", CaseLabels.Suggest(2025, ["case a 2025", "Case  B  2025"]));

    [Fact]
    public void Suggest_FillsGaps() => Assert.Equal("Case B 2025", CaseLabels.Suggest(2025, ["Case A 2025", "Case C 2025"]));

    [Fact]
    public void Reference_IsOfficeYearAndThreeDigitSequence() => Assert.Equal("LR-2025-004", CaseLabels.Reference("LR", 2025, 4));

    [Fact]
    public void NextReference_FollowsTheHighestOfThatOfficeAndYear() =>
        Assert.Equal("LR-2025-011", CaseLabels.NextReference("LR", 2025, ["LR-2025-001", "LR-2025-010", "LR-2025-002"]));

    [Fact]
    public void NextReference_FirstOfTheYear_IsOne() => Assert.Equal("KT-2026-001", CaseLabels.NextReference("KT", 2026, []));

    [Fact]
    public void SearchText_IsLowerCasedLabelAndReference() =>
        Assert.Equal("case q 2025|lr-2025-004", CaseLabels.SearchText("Case  Q 2025", "LR-2025-004"));
}
