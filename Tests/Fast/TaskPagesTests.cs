using Domain.Workflow;
using Workflows.Reminders;

namespace Portal.Fast.Tests;

/// Which page an email about a task links to: the page its recipient may open and act on.
public class TaskPagesTests
{
    [Theory]
    [InlineData(WorkItemKind.CommentOnDraft, null, null, "reviews/7/drafts")]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest, null, 31L, "eoi/31")]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest, null, null, "my-reviews")]
    [InlineData(WorkItemKind.DeliverAction, 4, 55L, "actions/55")]
    [InlineData(WorkItemKind.ActionImpactReview, 4, 55L, "actions/55")]
    [InlineData(WorkItemKind.DeliverAction, 4, null, "actions/ours")]
    [InlineData(WorkItemKind.InformationRequest, 4, null, "requests/agency")]
    [InlineData(WorkItemKind.RecordQaOutcome, 4, null, "requests/agency")]
    [InlineData(WorkItemKind.PresentToCrg, null, null, "reviews/7")]
    [InlineData(WorkItemKind.CloseDraftComments, null, null, "reviews/7")]
    public void For_TheTasksOwnPeople_GetThePageTheyActOn(WorkItemKind kind, int? agency, long? subject, string expected) =>
        Assert.Equal(expected, TaskPages.For(kind, 7, agency, subject, toStaff: false));

    [Theory]
    [InlineData(WorkItemKind.CommentOnDraft)]
    [InlineData(WorkItemKind.ReplyToExpressionOfInterest)]
    [InlineData(WorkItemKind.DeliverAction)]
    [InlineData(WorkItemKind.InformationRequest)]
    public void For_Staff_KeepTheReviewPage(WorkItemKind kind) =>
        Assert.Equal("reviews/7", TaskPages.For(kind, 7, 4, 55, toStaff: true));
}
