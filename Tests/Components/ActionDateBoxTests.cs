using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.ActionPlans;
using Portal.Testing;
using Workflows.ActionPlans;
using Workflows.Documents;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Components.Tests;

/// An owner's update form with its "As at" box cleared: the server's message shows beside the box and nothing is posted
/// (the handler took a cleared box for today before).
public sealed class ActionDateBoxTests : ComponentContext
{
    public ActionDateBoxTests()
    {
        foreach (var type in new[] { typeof(PostActionUpdateHandler), typeof(DocumentUploads) })
        {
            Services.AddSingleton(type, _ => Portal.Services.GetRequiredService(type));
        }
    }

    [Fact]
    public async Task AsAt_Cleared_SaysEnterTheDate_BesideTheBox_AndPostsNothing()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal);
        var actionId = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        var detail = (await Portal.Get<ActionPlanQuery>().ForActionAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), actionId, false)).Value;
        await SignInAsync(DemoAccounts.AgencyContact);
        var cut = RenderWithProviders<ActionUpdateForm>(p => p.Add(f => f.Action, detail));

        cut.Find("#update-as-at").Input("");
        cut.Find("#update-as-at").Blur();
        await cut.Find("#save-update").ClickAsync(new());

        const string message = "Enter the date the update describes the action as at.";
        cut.WaitForAssertion(() => Assert.Contains(message, WebUtility.HtmlDecode(cut.Find("#update-as-at").Closest(".mud-input-control")!.TextContent),
            StringComparison.Ordinal));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == actionId)));
    }
}
