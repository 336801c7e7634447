using Domain.Reviews;

namespace Portal.Fast.Tests;

/// The rules of reviews led elsewhere: the fields, the dates of updates, and the update that stands as at a date.
public class LedElsewhereRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ElsewhereDetails Details(DateOnly? knownSince = null, string? email = "dhr@northshire.gov.uk") =>
        new("Northshire", "Northshire CSP", "NS-DHR-12", "Adult B", 1, null, "Sam Contact", email, null, knownSince ?? Today.AddMonths(-2));

    private static ElsewhereUpdate Update(long id, DateOnly asAt, ElsewhereStage stage, string? text = null) =>
        new() { Id = id, AsAt = asAt, Stage = stage, Text = text, ByUserId = "u" };

    [Fact]
    public void CheckDetails_EmptyForm_NamesEveryRequiredField()
    {
        var errors = LedElsewhereRules.CheckDetails(new ElsewhereDetails(" ", null, null, "", null, null, null, null, null, null), Today);
        Assert.Equal(["Area", "LeadCsp", "CaseLabel", "CspId", "ContactName", "KnownSince"], errors.Select(e => e.Field));
    }

    [Fact]
    public void CheckDetails_AgencyAloneWillDo_AndAGoodFormPasses()
    {
        Assert.Empty(LedElsewhereRules.CheckDetails(Details(), Today));
        Assert.Empty(LedElsewhereRules.CheckDetails(Details() with { CspId = null, AgencyId = 7 }, Today));
    }

    [Fact]
    public void CheckDetails_BadEmailTooLongTextAndAFutureDate_AreRefusedEachBesideItsField()
    {
        var errors = LedElsewhereRules.CheckDetails(Details(Today.AddDays(1), "not an address") with
        {
            TheirReference = new string('x', ReviewLedElsewhere.ReferenceMaxLength + 1),
            ContactPhone = new string('1', ReviewLedElsewhere.ContactPhoneMaxLength + 1),
        }, Today);
        Assert.Equal(["TheirReference", "ContactEmail", "ContactPhone", "KnownSince"], errors.Select(e => e.Field));
        Assert.Equal("The date you heard of the review cannot be in the future.", errors[^1].Message);
    }

    [Fact]
    public void CheckDetails_TheDateHeardOfCannotMoveAfterTheFirstUpdate()
    {
        var first = Today.AddDays(-10);
        var error = Assert.Single(LedElsewhereRules.CheckDetails(Details(first.AddDays(1)), Today, first));
        Assert.Equal(("KnownSince", "The date you heard of the review cannot be after its first update (13 Nov 2026)."), (error.Field, error.Message));
        Assert.Empty(LedElsewhereRules.CheckDetails(Details(first), Today, first));
        Assert.Empty(LedElsewhereRules.CheckDetails(Details(first.AddDays(-30)), Today, first));
    }

    [Fact]
    public void CheckUpdate_AsAtFromTheDateHeardOfToToday()
    {
        var heard = new DateOnly(2026, 9, 1);
        Assert.Empty(LedElsewhereRules.CheckUpdate(heard, ElsewhereStage.UnderWay, "Panel met.", heard, Today));
        Assert.Empty(LedElsewhereRules.CheckUpdate(Today, ElsewhereStage.UnderWay, "Panel met.", heard, Today));
        Assert.Equal("The \"as at\" date cannot be in the future.",
            Assert.Single(LedElsewhereRules.CheckUpdate(Today.AddDays(1), ElsewhereStage.UnderWay, "Panel met.", heard, Today)).Message);
        Assert.Equal("The \"as at\" date cannot be before you heard of the review (1 Sep 2026).",
            Assert.Single(LedElsewhereRules.CheckUpdate(heard.AddDays(-1), ElsewhereStage.UnderWay, "Panel met.", heard, Today)).Message);
    }

    [Fact]
    public void CheckUpdate_NeedsAStageFromTheListAndText_ExceptTheFirstEntry()
    {
        var heard = new DateOnly(2026, 9, 1);
        Assert.Equal(["AsAt", "Stage", "Text"], LedElsewhereRules.CheckUpdate(null, null, " ", heard, Today).Select(e => e.Field));
        Assert.Equal(["Stage"], LedElsewhereRules.CheckUpdate(Today, (ElsewhereStage)99, "x", heard, Today).Select(e => e.Field));
        Assert.Empty(LedElsewhereRules.CheckUpdate(heard, ElsewhereStage.AwaitingDecision, null, heard, Today, textRequired: false));
        Assert.Equal(["Text"], LedElsewhereRules.CheckUpdate(Today, ElsewhereStage.UnderWay, new string('x', ElsewhereUpdate.TextMaxLength + 1), heard, Today)
            .Select(e => e.Field));
    }

    [Fact]
    public void LatestOn_TheLatestDatedOnOrBeforeTheDate_ThenTheLaterRecorded()
    {
        ElsewhereUpdate[] updates =
        [
            Update(3, new DateOnly(2026, 10, 5), ElsewhereStage.DraftReport, "Draft 1 shared."),
            Update(1, new DateOnly(2026, 9, 1), ElsewhereStage.AwaitingDecision),
            Update(2, new DateOnly(2026, 9, 20), ElsewhereStage.UnderWay, "Panel met."),
            // Recorded later, for the same date: it stands.
            Update(4, new DateOnly(2026, 10, 5), ElsewhereStage.DraftReport, "Draft 2 shared."),
        ];

        Assert.Null(LedElsewhereRules.LatestOn(updates, new DateOnly(2026, 8, 31)));
        Assert.Equal(1, LedElsewhereRules.LatestOn(updates, new DateOnly(2026, 9, 19))!.Id);
        Assert.Equal(2, LedElsewhereRules.LatestOn(updates, new DateOnly(2026, 9, 20))!.Id);
        Assert.Equal(4, LedElsewhereRules.LatestOn(updates, Today)!.Id);
    }

    [Fact]
    public void KnownOnAndStanding_TheBoardsWords()
    {
        var heard = new DateOnly(2026, 9, 1);
        Assert.False(LedElsewhereRules.KnownOn(heard, heard.AddDays(-1)));
        Assert.True(LedElsewhereRules.KnownOn(heard, heard));
        Assert.Equal("Draft report, as at 5 Oct 2026: Draft 2 shared.",
            LedElsewhereRules.Standing(Update(4, new DateOnly(2026, 10, 5), ElsewhereStage.DraftReport, "Draft 2 shared.")));
        Assert.Equal("Awaiting the decision to review, as at 1 Sep 2026", LedElsewhereRules.Standing(Update(1, heard, ElsewhereStage.AwaitingDecision)));
        Assert.Equal("Stage not recorded", LedElsewhereRules.Standing(null));
    }

    [Fact]
    public void Describe_EveryStageHasPlainWords()
    {
        var words = Enum.GetValues<ElsewhereStage>().Select(LedElsewhereRules.Describe).ToList();
        Assert.Equal(words.Count, words.Distinct().Count());
        Assert.Equal("Review under way", LedElsewhereRules.Describe(ElsewhereStage.UnderWay));
    }
}
