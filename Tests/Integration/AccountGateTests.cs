using System.Net;
using Domain.Access;
using Domain.ActionPlans;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.ActionPlans;
using Workflows.Admin;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// A portal where review officers must use two-factor authentication, with its job server (and so the Hangfire dashboard).
public sealed class AccountGateFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new PortalFactory().RequireTwoFactorFor(Roles.ReviewOfficer);

    public Task InitializeAsync()
    {
        Portal.Set("Jobs:Enabled", "true");
        _ = Portal.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Portal.DisposeAsync();
}

/// The account gate (issue 13, finding 1): a session that still has something to do first (two-factor authentication
/// to set up, a temporary password to replace) reaches nothing but the account pages and the build's static assets,
/// whatever the address looks like; every file the portal sends is marked not to be stored.
public sealed class AccountGateTests(AccountGateFixture fixture) : IClassFixture<AccountGateFixture>
{
    private PortalFactory Portal => fixture.Portal;

    /// Every endpoint mapped besides the pages, the account pages and the circuit's hub, with an address to try it at.
    private static readonly Dictionary<string, string> Endpoints = new()
    {
        ["/reviews/export.csv"] = "/reviews/export.csv",
        ["/actions/plan/export.xlsx"] = "/actions/plan/export.xlsx",
        ["/actions/plan/export.csv"] = "/actions/plan/export.csv",
        ["/reports/board.docx"] = "/reports/board.docx?org=1",
        ["/reviews/{id:int}/data-collection-form.docx"] = "/reviews/1/data-collection-form.docx",
        ["/reviews/{id:int}/briefing.docx"] = "/reviews/1/briefing.docx",
        ["/audit/export.csv"] = "/audit/export.csv",
        ["/documents/versions/{id:long}"] = "/documents/versions/1",
        ["/reviews/import/template.xlsx"] = "/reviews/import/template.xlsx",
        ["/reviews/import/template.csv"] = "/reviews/import/template.csv",
        ["/hangfire/{**path}"] = "/hangfire",
        // Open to a load balancer, which has no cookie; a session with something still to do is sent to do it here too.
        ["/health/live"] = "/health/live",
        ["/health/ready"] = "/health/ready",
        // Blazor's own: the redirect of an enhanced navigation, and (Development) files added to wwwroot since the build.
        ["/_framework/opaque-redirect"] = "/_framework/opaque-redirect?_framework_opaque_redirect=x",
        ["/{**path:file}"] = "/not-in-the-manifest.txt",
    };

    [Fact]
    public void Endpoints_TheGateIsTestedOnEveryEndpointThePortalMaps()
    {
        var mapped = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/_blazor", StringComparison.Ordinal) && !p.StartsWith("/Account/", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Equal(Endpoints.Keys.Order(), mapped.Order());
    }

    [Fact]
    public async Task PasswordOnlySession_TwoFactorRequiredButNotSetUp_IsSentToSetItUpFromEveryEndpointAndPage()
    {
        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);

        foreach (var address in Endpoints.Values.Append("/reviews/1").Append("/"))
        {
            using var response = await officer.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{address} answered {(int)response.StatusCode}");
            Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", response.Headers.Location!.OriginalString);
        }

        using var hub = await officer.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        using var setUp = await officer.GetAsync("/Account/Manage/EnableAuthenticator?required=true");
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
    }

    [Fact]
    public async Task PasswordOnlySession_TemporaryPasswordNotReplaced_IsSentToChangeItFromEveryEndpointAndPage()
    {
        var (email, password) = await TemporaryPasswordManagerAsync();
        using var manager = await Portal.SignedInClientAsync(email, password);

        foreach (var address in Endpoints.Values.Append("/reviews/1"))
        {
            using var response = await manager.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{address} answered {(int)response.StatusCode}");
            Assert.Equal("/Account/Manage/ChangePassword?required=true", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task PasswordOnlySession_StillGetsTheStaticAssetsItsAccountPagesUse()
    {
        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);

        foreach (var asset in new[] { "/app.css", "/_framework/blazor.web.js", "/lib/bootstrap/dist/css/bootstrap.min.css" })
        {
            using var response = await officer.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryDownload_IsMarkedNoStore()
    {
        var reviewId = await ReviewAtSignOffAsync(Portal, signedOff: true);
        var action = await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));
        var update = await Portal.Get<PostActionUpdateHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.AgencyContact), action,
            new ActionUpdateInput("Policy drafted.", ActionStatus.OnTrack, [new EvidenceFile(new MemoryStream(Docx()), "policy.docx")], AsAt: Today(Portal)));
        Assert.True(update.IsSuccess, update.Error?.Message);
        var evidence = await Portal.WithDbAsync(db => db.DocumentVersions.Where(v => v.Document!.OwnerKey == $"action:{action}").Select(v => v.Id).SingleAsync());
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        using var manager = await Portal.SignedInClientAsync(DemoAccounts.LrManager);

        foreach (var address in Endpoints.Values.Where(a => a.StartsWith("/reviews/", StringComparison.Ordinal) || a.StartsWith("/actions/", StringComparison.Ordinal)
                     || a.StartsWith("/reports/", StringComparison.Ordinal) || a.StartsWith("/documents/", StringComparison.Ordinal)).Select(a => a switch
                 {
                     "/documents/versions/1" => $"/documents/versions/{evidence}",
                     "/reports/board.docx?org=1" => $"/reports/board.docx?org={office}",
                     "/reviews/1/data-collection-form.docx" => $"/reviews/{reviewId}/data-collection-form.docx",
                     "/reviews/1/briefing.docx" => $"/reviews/{reviewId}/briefing.docx",
                     _ => a,
                 }))
        {
            using var response = await manager.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{address} has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    private async Task<(string Email, string Password)> TemporaryPasswordManagerAsync()
    {
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var email = $"{Guid.NewGuid():N}@example.org";
        var created = await Portal.Get<CreateUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Tess Temporary", email, null, new UserAccess([Role.Manager], [office], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return (email, created.Value.TemporaryPassword);
    }
}
