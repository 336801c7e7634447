using Domain.Access;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// The submission checklist, the QA feedback-point guard, and the date and link rules of submission and publication.
public class SubmissionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly SignedOff = new(2026, 11, 10);

    [Fact]
    public void ValidateSubmission_AllTickedAndDatesFine_NoErrors()
    {
        Assert.Empty(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true) with { ActionPlan = new ChecklistItem(true, 42) }, Today, SignedOff, SignedOff, Today));
    }

    [Fact]
    public void ValidateSubmission_TwoMissing_NamesBothInOneMessage()
    {
        var checklist = SubmissionChecklist.All(true) with { ExecutiveSummary = new ChecklistItem(false), DataCollectionForm = new ChecklistItem(false) };

        var error = Assert.Single(SubmissionRules.ValidateSubmission(checklist, Today, Today, SignedOff, Today));

        Assert.Equal("Checklist", error.Field);
        Assert.Equal("All four documents go to the Home Office: tick the executive summary and the data collection form once sent.", error.Message);
    }

    [Fact]
    public void ValidateSubmission_NothingTicked_NamesAllFour()
    {
        var error = Assert.Single(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(false), Today, Today, SignedOff, Today));

        Assert.Contains("the overview report, the executive summary, the action plan and the data collection form", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "SubmittedOn", "cannot be in the future")]
    [InlineData(-14, "SubmittedOn", "before the CRG signed off")]
    public void ValidateSubmission_SubmittedDate_NotInTheFutureNorBeforeSignOff(int days, string field, string text)
    {
        var error = Assert.Single(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true), Today.AddDays(days), Today, SignedOff, Today));

        Assert.Equal(field, error.Field);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSubmission_CommissionerCopy_NeededAndDatedLikeTheSubmission()
    {
        Assert.Equal("CommissionerCopyOn", Assert.Single(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true), Today, null, SignedOff, Today)).Field);
        Assert.Equal("CommissionerCopyOn", Assert.Single(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true), Today, Today.AddDays(1), SignedOff, Today)).Field);
        Assert.Empty(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true), SignedOff, SignedOff, SignedOff, Today));
    }

    [Fact]
    public void ValidateSubmission_DocumentNumberNotPositive_IsRefusedBesideItsField()
    {
        var error = Assert.Single(SubmissionRules.ValidateSubmission(SubmissionChecklist.All(true) with { OverviewReport = new ChecklistItem(true, 0) }, Today, Today, SignedOff, Today));

        Assert.Equal("OverviewReport", error.Field);
    }

    [Fact]
    public void ValidateQaOutcome_SubjectToAmendments_NeedsAtLeastOnePoint()
    {
        Assert.Equal("Points", Assert.Single(SubmissionRules.ValidateQaOutcome(QaOutcome.ApprovedSubjectToAmendments, [], Today, SignedOff, Today)).Field);
        Assert.Empty(SubmissionRules.ValidateQaOutcome(QaOutcome.ApprovedSubjectToAmendments, ["Anonymise the GP practice."], Today, SignedOff, Today));
        Assert.Equal("Points", Assert.Single(SubmissionRules.ValidateQaOutcome(QaOutcome.Approved, ["x"], Today, SignedOff, Today)).Field);
        Assert.Equal("Outcome", Assert.Single(SubmissionRules.ValidateQaOutcome(null, [], Today, SignedOff, Today)).Field);
    }

    [Fact]
    public void ValidateQaOutcome_Date_NotInTheFutureNorBeforeTheSubmission()
    {
        Assert.Equal("Date", Assert.Single(SubmissionRules.ValidateQaOutcome(QaOutcome.Approved, [], Today.AddDays(1), SignedOff, Today)).Field);
        Assert.Equal("Date", Assert.Single(SubmissionRules.ValidateQaOutcome(QaOutcome.Approved, [], SignedOff.AddDays(-1), SignedOff, Today)).Field);
    }

    [Theory]
    [InlineData("https://www.rutland.gov.uk/dardr/case-e", true)]
    [InlineData("http://www.rutland.gov.uk/dardr/case-e", false)]
    [InlineData("www.rutland.gov.uk", false)]
    [InlineData("", false)]
    [InlineData("javascript:alert(1)", false)]
    public void ValidatePublication_LinkMustBeHttps(string link, bool ok)
    {
        var errors = SubmissionRules.ValidatePublication(Today, link, SignedOff, Today);

        Assert.Equal(ok, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("PublicationLink", e.Field));
    }

    [Theory]
    [InlineData("https://www.leicester.gov.uk/dardr", "Leicester City Council", "")]
    [InlineData("http://www.leicester.gov.uk/dardr", "Leicester City Council", "Url")]
    [InlineData("javascript:alert(1)", "Leicester", "Url")]
    [InlineData("https://www.leicester.gov.uk/dardr", "   ", "Label")]
    [InlineData("", null, "Url,Label")]
    public void PublicationLink_NeedsAnHttpsAddressAndALabel(string url, string? label, string fields)
    {
        Assert.Equal(fields, string.Join(",", PublicationLink.Validate(url, label).Select(e => e.Field)));
    }

    [Fact]
    public void PublicationLink_LabelAtMostItsLength() =>
        Assert.Equal("Label", Assert.Single(PublicationLink.Validate("https://x.example/r", new string('a', PublicationLink.LabelMaxLength + 1))).Field);

    [Fact]
    public void ValidatePublication_Date_NotInTheFutureNorBeforeSubmission()
    {
        Assert.Equal("Date", Assert.Single(SubmissionRules.ValidatePublication(Today.AddDays(1), "https://x.example/r", SignedOff, Today)).Field);
        Assert.Equal("Date", Assert.Single(SubmissionRules.ValidatePublication(SignedOff.AddDays(-1), "https://x.example/r", SignedOff, Today)).Field);
        Assert.Equal("Date", Assert.Single(SubmissionRules.ValidatePublication(null, "https://x.example/r", SignedOff, Today)).Field);
    }

    [Theory]
    [InlineData(0, true, null)]
    [InlineData(1, false, "Tick the last QA feedback point as addressed first.")]
    [InlineData(2, false, "Tick every QA feedback point as addressed first (2 still open).")]
    public void AmendmentsMade_WaitsForEveryFeedbackPoint_WithAReadableReason(int outstanding, bool available, string? reason)
    {
        var review = new Review
        {
            Reference = "LR-2026-001", CaseLabel = "Case A 2026", CaseLabelKey = "case a 2026", SearchText = string.Empty, CreatedByUserId = "u",
            Stage = Stage.QaAmendments, QaPointsOutstanding = outstanding,
        };
        var officer = new Actor("u", "o@x", new HashSet<Role> { Role.ReviewOfficer }, new HashSet<int>(), new HashSet<int>());

        var option = new DardrV1().Evaluate(review, GuardFacts.None, officer, canChange: true, Trigger.RecordAmendmentsMade);

        Assert.Equal(available, option.IsAvailable);
        if (reason is not null)
        {
            Assert.Equal([reason], option.Reasons);
        }
    }
}
