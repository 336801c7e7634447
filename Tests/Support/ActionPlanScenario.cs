using Domain.Access;
using Domain.ActionPlans;
using Domain.Organisations;
using Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Workflows.ActionPlans;
using Workflows.Data;
using Workflows.Process;

namespace Portal.Testing;

/// Reviews with action plans, built through the real handlers as the officer would.
public static class ActionPlanScenario
{
    public static DateOnly Today(PortalFactory portal) => Domain.Calendar.London.DateOf(portal.Time.GetUtcNow().UtcDateTime);

    /// A review of the LR office taken to CRG sign-off (stage CrgSignOff; signedOff: the sign-off recorded).
    public static async Task<int> ReviewAtSignOffAsync(PortalFactory portal, bool signedOff = false, string csp = "Rutland CSP", int notifiedDaysAgo = 60)
    {
        var id = await portal.RegisterReviewAsync(Today(portal).AddDays(-notifiedDaysAgo), csp);
        var authorId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Author).Select(u => u.Id).SingleAsync());
        await FireAsync(portal, id, Trigger.PresentToCrg);
        await FireAsync(portal, id, new RecordCriteriaMetArgs { Comment = "Criteria met." });
        await FireAsync(portal, id, Trigger.RecordHomeOfficeNotified);
        await FireAsync(portal, id, Trigger.RecordHomeOfficeAcknowledged);
        await FireAsync(portal, id, new AppointAuthorArgs { AuthorUserId = authorId, FeePence = 1_250_000 });
        await FireAsync(portal, id, Trigger.SubmitForSignOff);
        if (signedOff)
        {
            await FireAsync(portal, id, Trigger.RecordSignedOff);
        }

        return id;
    }

    /// On from CRG sign-off (recorded) to action plan monitoring: submitted, approved, published.
    public static async Task PublishAsync(PortalFactory portal, int reviewId)
    {
        await FireAsync(portal, reviewId, Trigger.SubmitToHomeOffice);
        await FireAsync(portal, reviewId, Trigger.RecordQaApproved);
        await FireAsync(portal, reviewId, new RecordPublishedArgs { PublicationLink = "https://www.example.org/dhr" });
    }

    public static async Task<Domain.Result<TransitionResult>> TryFireAsync(PortalFactory portal, int reviewId, Trigger trigger) =>
        await portal.Get<WorkflowEngine>().FireAsync(reviewId, TriggerArgs.For(trigger), await portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());

    public static Task FireAsync(PortalFactory portal, int reviewId, Trigger trigger) => FireAsync(portal, reviewId, TriggerArgs.For(trigger));

    public static async Task FireAsync(PortalFactory portal, int reviewId, TriggerArgs args)
    {
        var result = await portal.Get<WorkflowEngine>().FireAsync(reviewId, args, await portal.ActorAsync(DemoAccounts.LrOfficer), Guid.NewGuid().ToString());
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public static Task<int> AgencyIdAsync(PortalFactory portal, string name = "Leicestershire Police") =>
        portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<string> UserIdAsync(PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<int> RecommendationAsync(PortalFactory portal, int reviewId, string agency = "Leicestershire Police", params int[] themeIds)
    {
        var result = await portal.Get<RecordRecommendationHandler>().HandleAsync(await portal.ActorAsync(DemoAccounts.LrOfficer), reviewId,
            new RecommendationInput("Police to review how they assess risk after separation.", RecommendationLevel.SingleAgency,
                await AgencyIdAsync(portal, agency), null, themeIds));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public static async Task<long> ActionAsync(PortalFactory portal, int reviewId, int recommendationId, string owner = DemoAccounts.AgencyContact,
        string agency = "Leicestershire Police", int dueInDays = 90, DateOnly? agreedOn = null)
    {
        var result = await portal.Get<AddActionHandler>().HandleAsync(await portal.ActorAsync(DemoAccounts.LrOfficer), reviewId,
            new ActionInput(recommendationId, "Train response officers in risk after separation.", await AgencyIdAsync(portal, agency),
                await UserIdAsync(portal, owner), Today(portal).AddDays(dueInDays), "Every response officer trained by the due date.",
                agreedOn ?? Today(portal)));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    /// The owner reports the action completed (no evidence).
    public static async Task CompleteAsync(PortalFactory portal, long actionId, string owner = DemoAccounts.AgencyContact)
    {
        var result = await portal.Get<PostActionUpdateHandler>().HandleAsync(await portal.ActorAsync(owner), actionId,
            new ActionUpdateInput("All officers trained.", ActionStatus.Completed, [], AsAt: Today(portal)));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    /// An agency contact account of another agency (created once per portal).
    public static async Task<string> OtherAgencyContactAsync(PortalFactory portal, string agency = "Kent Police",
        string email = "contact@kent-police.example.org", string name = "Kim Kent")
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Assert.True((await users.CreateAsync(user, portal.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.AgencyContact)).Succeeded);
            var agencyId = await AgencyIdAsync(portal, agency);
            await portal.WithDbAsync(async db =>
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = agencyId });
                return await db.SaveChangesAsync();
            });
        }

        return email;
    }

    public const string DeliveryGroup = "Rutland Domestic Abuse Delivery Group";

    /// How pages name it as an action's owner (DeliveryGroups.OwnerName).
    public const string DeliveryGroupOwner = "Delivery group: " + DeliveryGroup;

    public const string DeliveryGroupEmail = "da-delivery-group@rutland.example.org";

    /// A delivery group that owns actions, held as an organisation working with the LR office (as an agency is) marked as a
    /// delivery group, and its contact, an agency-contact account "Dana Group" (once per portal).
    public static async Task DeliveryGroupAsync(PortalFactory portal)
    {
        await portal.WithDbAsync(async db =>
        {
            if (await db.Organisations.AnyAsync(o => o.Name == DeliveryGroup))
            {
                return 0;
            }

            var office = await db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync();
            var group = new Organisation { Name = DeliveryGroup, Kind = OrganisationKind.Agency, Group = GroupKind.DeliveryGroup };
            db.Organisations.Add(group);
            await db.SaveChangesAsync();
            db.AgencyOffices.Add(new AgencyOffice { AgencyId = group.Id, OfficeId = office });
            return await db.SaveChangesAsync();
        });
        await OtherAgencyContactAsync(portal, DeliveryGroup, DeliveryGroupEmail, "Dana Group");
    }

    /// A minimal Word document (a real package: the upload checks look at its parts).
    public static byte[] Docx() => SampleDocuments.Docx("Training register");
}
