using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Process;
using Xunit;

namespace Portal.Testing;

/// Reviews at "Panel and report writing" with the demo author appointed, and panel members (ReviewParticipant rows of
/// kind PanelMember, as the panel screens will add them), for the drafts and family log tests.
public static class TestPanelMembers
{
    /// Registers a review and moves it, as the officer does, to "Panel and report writing" with the demo chair/author.
    public static async Task<int> ReviewAtPanelAndReportAsync(this PortalFactory portal, string csp = "Rutland CSP")
    {
        var today = Domain.Calendar.London.DateOf(portal.Time.GetUtcNow().UtcDateTime);
        var id = await portal.RegisterReviewAsync(today.AddDays(-20), csp);
        var author = await portal.ActorAsync(DemoAccounts.Author);
        await FireAsync(portal, id, TriggerArgs.For(Trigger.PresentToCrg));
        await FireAsync(portal, id, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        await FireAsync(portal, id, TriggerArgs.For(Trigger.RecordHomeOfficeNotified));
        await FireAsync(portal, id, TriggerArgs.For(Trigger.RecordHomeOfficeAcknowledged));
        await FireAsync(portal, id, new AppointAuthorArgs { AuthorUserId = author.UserId, FeePence = 1_250_000 });
        return id;
    }

    private static async Task FireAsync(PortalFactory portal, int reviewId, TriggerArgs args)
    {
        var result = await portal.Get<WorkflowEngine>().FireAsync(reviewId, args, await portal.ActorAsync(DemoAccounts.LrOfficer),
            Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    /// A new agency contact of Leicestershire Police with an address of its own (so each test reads only its own mail).
    public static async Task<string> NewPanelContactAsync(this PortalFactory portal)
    {
        var agency = await portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync());
        var email = $"panel-{Guid.NewGuid():N}@police.example.org";
        var created = await portal.Get<CreateUserHandler>().HandleAsync(await portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Panel Member", email, null, new UserAccess([Role.AgencyContact], [], [agency])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return email;
    }

    public static async Task AddPanelMemberRowAsync(this PortalFactory portal, int reviewId, string email)
    {
        var member = await portal.ActorAsync(email);
        await portal.WithDbAsync(async db =>
        {
            db.ReviewParticipants.Add(new ReviewParticipant
            {
                ReviewId = reviewId, UserId = member.UserId, Kind = ParticipantKind.PanelMember, GrantedAtUtc = portal.Time.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
    }
}
