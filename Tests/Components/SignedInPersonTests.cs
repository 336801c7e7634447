using Bunit;
using Domain.Requests;
using Domain.Reviews;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Requests;
using Portal.Features.Reviews;
using Portal.Features.Work;
using Portal.Testing;
using Workflows.Admin;
using Workflows.Requests;
using Xunit.Abstractions;

namespace Portal.Components.Tests;

/// A page opened in a circuit: the layout and every component of the page take the signed-in person from
/// SignedInPerson, which loads it once; the database's commands are counted while the page loads.
public sealed class SignedInPersonTests : ComponentContext
{
    private readonly ITestOutputHelper _output;

    public SignedInPersonTests(ITestOutputHelper output)
    {
        _output = output;
        UsePortalHandlers();
    }

    private Task<int> LeadOfficeReviewAsync() => Portal.WithDbAsync(db =>
        db.Reviews.Where(r => r.Reference.StartsWith("LR-") && r.Stage == Stage.PanelAndReport).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());

    private void Report(string page, DbCommandCounter counter) =>
        _output.WriteLine($"{page}: {counter.Commands.Count} commands, {counter.PersonLoads} loads of the person");

    [Fact]
    public async Task OpeningAReviewPage_LoadsThePersonOnce()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var reviewId = await LeadOfficeReviewAsync();
        using var counter = new DbCommandCounter(Portal.DataPath);

        var cut = OpenInLayout<ReviewPage>(p => p.Add(r => r.Id, reviewId));
        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll("#review-details"));
            Assert.NotEmpty(cut.FindAll("#process-stage"));
            Assert.NotEmpty(cut.FindAll("#case-updates"));
            Assert.Contains(cut.FindAll("[data-count='work/team']"), c => c.TextContent.Trim().Length > 0);
        }, TimeSpan.FromSeconds(30));
        await counter.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Report("review page", counter);
        Assert.Equal(1, counter.PersonLoads);
    }

    [Fact]
    public async Task OpeningTheTeamQueue_LoadsThePersonOnce()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        using var counter = new DbCommandCounter(Portal.DataPath);

        var cut = OpenInLayout<TeamQueuePage>();
        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll("#work-queue tbody tr [data-action='claim']"));
            Assert.Contains(cut.FindAll("[data-count='work/team']"), c => c.TextContent.Trim().Length > 0);
        }, TimeSpan.FromSeconds(30));
        await counter.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Report("team queue", counter);
        Assert.Equal(1, counter.PersonLoads);
    }

    [Fact]
    public async Task ThePersonReadAgain_WithoutTheOfficeTheyBelongedTo_ThePageShowsNoAccess()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var reviewId = await LeadOfficeReviewAsync();
        var cut = OpenInLayout<ReviewPage>(p => p.Add(r => r.Id, reviewId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#review-details")), TimeSpan.FromSeconds(30));

        // The office is closed while the page is open; the revalidation interval comes round.
        var office = await Portal.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "LR"));
        Assert.True((await Portal.Get<SetOrganisationActiveHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin), office.Id, office.Version, active: false)).IsSuccess);
        await cut.InvokeAsync(() => Services.GetRequiredService<CurrentActor>().ReloadAsync());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#no-access")), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("#review-details"));
    }

    [Fact]
    public async Task ThePersonReadAgain_AfterTheOfficeStoppedWorkingWithTheirAgency_ThePageShowsNoAccess()
    {
        var review = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var sent = await Portal.Get<SendInformationRequestsHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendInformationRequests(review, RequestType.Scoping, [await Portal.UserIdAsync(DemoAccounts.AgencyContact)], null, TestRequests.Scope));
        var request = Assert.Single(sent.Value.RequestIds);
        await SignInAsync(DemoAccounts.AgencyContact);
        var cut = OpenInLayout<RequestPage>(p => p.Add(r => r.Id, request));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#request-details")), TimeSpan.FromSeconds(30));

        // The office stops working with the agency while the page is open (the contact's roles and agency stay as they
        // were); the revalidation interval comes round.
        var lr = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AgencyOffices
            .Where(a => a.OfficeId == lr && db.InformationRequests.Any(r => r.Id == request && r.AgencyId == a.AgencyId)).ExecuteDeleteAsync()));
        await cut.InvokeAsync(() => Services.GetRequiredService<CurrentActor>().ReloadAsync());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#no-access")), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("#request-details"));
    }

    [Fact]
    public async Task ThePersonReadAgain_Unchanged_NothingLoadsAgain()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var reviewId = await LeadOfficeReviewAsync();
        var cut = OpenInLayout<ReviewPage>(p => p.Add(r => r.Id, reviewId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#case-updates")), TimeSpan.FromSeconds(30));
        using var counter = new DbCommandCounter(Portal.DataPath);
        // The page's sections may still be loading on a busy machine: count only from when they are done.
        await counter.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        counter.Reset();

        await cut.InvokeAsync(() => Services.GetRequiredService<CurrentActor>().ReloadAsync());
        await counter.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        // The person's three queries, and no page or section loaded again (nor a view audited again). The host's
        // periodic readiness checks (Health:PublishPeriod: due timers, the outbox, pending migrations) may run meanwhile.
        string[] readiness = ["\"Timers\"", "\"OutboxMessages\"", "__EFMigrationsHistory"];
        var commands = counter.Commands.Where(c => !readiness.Any(r => c.Contains(r, StringComparison.Ordinal))).ToList();
        Assert.Equal(1, counter.PersonLoads);
        Assert.True(commands.Count == 3, string.Join(Environment.NewLine + "--" + Environment.NewLine, commands));
    }
}
