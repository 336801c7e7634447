using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Process;
using Xunit;

namespace Portal.Testing;

/// Reviews a test owns, moved through the engine to the stage where the CRG signs off the final report.
public static class SignOffReviews
{
    public static Task FireOkAsync(this PortalFactory portal, int reviewId, Trigger trigger) => portal.FireOkAsync(reviewId, TriggerArgs.For(trigger));

    public static async Task FireOkAsync(this PortalFactory portal, int reviewId, TriggerArgs args)
    {
        var officer = await portal.ActorAsync(DemoAccounts.LrOfficer);
        var result = await portal.Get<WorkflowEngine>().FireAsync(reviewId, args, officer, Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    /// Registered 60 days ago and moved to "CRG sign-off"; signed off today if asked.
    public static async Task<int> ReviewAtSignOffAsync(this PortalFactory portal, DateOnly today, bool signedOff)
    {
        var id = await portal.RegisterReviewAsync(today.AddDays(-60));
        var author = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Author).Select(u => u.Id).SingleAsync());
        await portal.FireOkAsync(id, Trigger.PresentToCrg);
        await portal.FireOkAsync(id, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        await portal.FireOkAsync(id, Trigger.RecordHomeOfficeNotified);
        await portal.FireOkAsync(id, Trigger.RecordHomeOfficeAcknowledged);
        await portal.FireOkAsync(id, new AppointAuthorArgs { AuthorUserId = author, FeePence = 1_250_000 });
        await portal.FireOkAsync(id, Trigger.SubmitForSignOff);
        if (signedOff)
        {
            await portal.FireOkAsync(id, Trigger.RecordSignedOff);
        }

        return id;
    }
}
