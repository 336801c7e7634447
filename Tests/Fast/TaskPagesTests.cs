using Domain.Workflow;
using Workflows.WorkItems;

namespace Portal.Fast.Tests;

/// Where a task is done: every queue row, home page item and email about a task links there.
public class TaskPagesTests
{
    [Theory]
    [InlineData(WorkItemKind.CommentOnDraft, null, null, "reviews/7/drafts")]
    [InlineData(WorkItemKind.CommentOnDraft, 4, null, "reviews/7/drafts")]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest, null, 31L, "eoi/31")]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest, null, null, "my-reviews")]
    [InlineData(WorkItemKind.DeliverAction, 4, 55L, "actions/55")]
    [InlineData(WorkItemKind.ActionImpactReview, 4, 55L, "actions/55")]
    [InlineData(WorkItemKind.DeliverAction, 4, null, "actions/ours")]
    [InlineData(WorkItemKind.InformationRequest, 4, 12L, "requests/12")]
    [InlineData(WorkItemKind.InformationRequest, 4, null, "requests/agency")]
    // An agency contact is never sent to the review page, whatever the task.
    [InlineData(WorkItemKind.RecordQaOutcome, 4, null, "requests/agency")]
    [InlineData(WorkItemKind.PresentToCrg, null, null, "reviews/7?do=PresentToCrg#process-panel")]
    public void For_TheTasksOwnPeople_GetThePageTheyActOn(WorkItemKind kind, int? agency, long? subject, string expected) =>
        Assert.Equal(expected, TaskPages.For(kind, 7, agency, subject, toStaff: false));

    [Theory]
    [InlineData(WorkItemKind.PresentToCrg, "reviews/7?do=PresentToCrg#process-panel")]
    [InlineData(WorkItemKind.RecordCrgDecision, "reviews/7#process-panel")]
    [InlineData(WorkItemKind.NotifyHomeOffice, "reviews/7?do=RecordHomeOfficeNotified#process-panel")]
    [InlineData(WorkItemKind.RecordHomeOfficeResponse, "reviews/7#process-panel")]
    [InlineData(WorkItemKind.AppointAuthor, "reviews/7/commissioning")]
    [InlineData(WorkItemKind.CompleteReview, "reviews/7?do=SubmitForSignOff#process-panel")]
    [InlineData(WorkItemKind.RecordSignOff, "reviews/7?do=RecordSignedOff#process-panel")]
    [InlineData(WorkItemKind.MakeSignOffAmendments, "reviews/7?do=RecordSignOffAmendmentsMade#process-panel")]
    [InlineData(WorkItemKind.SubmitToHomeOffice, "reviews/7#submission-section")]
    [InlineData(WorkItemKind.RecordQaOutcome, "reviews/7#submission-section")]
    [InlineData(WorkItemKind.ChaseQaOutcome, "reviews/7#submission-section")]
    [InlineData(WorkItemKind.MakeQaAmendments, "reviews/7#submission-section")]
    [InlineData(WorkItemKind.Publish, "reviews/7#submission-section")]
    [InlineData(WorkItemKind.MonitorActionPlan, "reviews/7/action-plan")]
    [InlineData(WorkItemKind.ReviewHold, "reviews/7?do=ReviewHold#process-panel")]
    [InlineData(WorkItemKind.CommentOnDraft, "reviews/7/drafts")]
    [InlineData(WorkItemKind.CloseDraftComments, "reviews/7/drafts")]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest, "reviews/7/commissioning")]
    [InlineData(WorkItemKind.InformationRequest, "requests/55")]
    [InlineData(WorkItemKind.DeliverAction, "actions/55")]
    [InlineData(WorkItemKind.ActionImpactReview, "actions/55")]
    [InlineData(WorkItemKind.RespondToCommissioner, "commissioner?respond=55")]
    public void For_Staff_TheFormThatCompletesTheTask(WorkItemKind kind, string expected) =>
        Assert.Equal(expected, TaskPages.For(kind, 7, null, 55, toStaff: true));

    public static TheoryData<WorkItemKind> EveryKind() => new(Enum.GetValues<WorkItemKind>());

    /// Fails for a kind added without a page: each leads somewhere more precise than the bare review page.
    [Theory]
    [MemberData(nameof(EveryKind))]
    public void For_EveryKindOfTask_HasAPageOfItsOwn(WorkItemKind kind)
    {
        foreach (var toStaff in new[] { true, false })
        {
            foreach (var subject in new long?[] { null, 55 })
            {
                var link = TaskPages.For(kind, 7, null, subject, toStaff);
                Assert.NotEqual("reviews/7", link);
                Assert.DoesNotContain("//", link, StringComparison.Ordinal);
            }
        }
    }

    /// The process panel opens the action a link names (?do=Trigger): each named trigger is one the process has.
    [Theory]
    [MemberData(nameof(EveryKind))]
    public void For_AnActionLink_NamesARealTrigger(WorkItemKind kind)
    {
        var link = TaskPages.For(kind, 7, null, 55, toStaff: true);
        var at = link.IndexOf($"?{TaskPages.OpenAction}=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var name = link[(at + TaskPages.OpenAction.Length + 2)..link.IndexOf('#', StringComparison.Ordinal)];
            Assert.True(Enum.TryParse<Trigger>(name, out _), name);
        }
    }
}
