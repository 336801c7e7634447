using Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.ActionPlans;
using Workflows.Data;
using Xunit;

namespace Portal.Testing;

/// Action plan teams (issue 18): a member account and a CSP's team, set as an administrator would.
public static class ActionPlanTeamScenario
{
    /// A new account holding the Action plan manager role, signing in with the demo password; returns its address.
    public static async Task<string> NewPlanManagerAsync(PortalFactory portal, string name = "Casey Community")
    {
        var email = $"cst-{Guid.NewGuid():N}@council.example.org";
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ActionPlanManager)).Succeeded);
        return email;
    }

    public static Task<int> CspIdAsync(PortalFactory portal, string csp = "Rutland CSP") =>
        portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == csp).Select(o => o.Id).SingleAsync());

    public static async Task SetTeamAsync(PortalFactory portal, string csp, string name, params string[] memberEmails)
    {
        var ids = new List<string>();
        foreach (var email in memberEmails)
        {
            ids.Add((await portal.ActorAsync(email)).UserId);
        }

        var result = await portal.Get<ActionPlanTeamsHandler>().SetAsync(await portal.ActorAsync(DemoAccounts.Admin), await CspIdAsync(portal, csp),
            new ActionPlanTeamInput(true, name, ids));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }
}
