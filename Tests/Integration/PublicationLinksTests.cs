using Domain;
using Domain.Audit;
using Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Submissions;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// Several addresses of a published report (issue 18): the lead office's review officers add and remove them, with an
/// https address and a label; readers of the review see them; others are refused and audited; nothing saved on bad input.
public abstract class PublicationLinksTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private PublicationLinksHandler Links => Portal.Get<PublicationLinksHandler>();

    private async Task<IReadOnlyList<PublicationLinkView>> ShownAsync(int id, string who = DemoAccounts.LrOfficer) =>
        (await Portal.Get<SubmissionQuery>().HandleAsync(await Portal.ActorAsync(who), id)).Value.PublicationLinks;

    private Task<int> RefusalsAsync(string email) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused));

    [Fact]
    public async Task Officer_AddsAndRemovesAddresses_TheFirstIsThePublicationStepsAndOneAlwaysStays()
    {
        var id = await ReviewAtSignOffAsync(Portal, signedOff: true);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var early = await Links.AddAsync(officer, id, new PublicationLinkInput("https://www.rutland.gov.uk/dardr", "Rutland County Council"));
        Assert.Equal("Url", Assert.Single(Assert.IsType<ValidationFailed>(early.Error).Errors).Field); // not published yet
        await PublishAsync(Portal, id);

        var first = Assert.Single(await ShownAsync(id));
        Assert.Equal(("https://www.example.org/dhr", PublicationLink.FirstLabel), (first.Url, first.Label));

        var bad = await Links.AddAsync(officer, id, new PublicationLinkInput("http://www.rutland.gov.uk/dardr", "  "));
        Assert.Equal(["Url", "Label"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        var tooLong = await Links.AddAsync(officer, id, new PublicationLinkInput("https://www.rutland.gov.uk/" + new string('a', PublicationLink.UrlMaxLength), "Rutland"));
        Assert.Equal("Url", Assert.Single(Assert.IsType<ValidationFailed>(tooLong.Error).Errors).Field);
        var twice = await Links.AddAsync(officer, id, new PublicationLinkInput(" https://www.example.org/dhr ", "Again"));
        Assert.Equal("Url", Assert.Single(Assert.IsType<ValidationFailed>(twice.Error).Errors).Field);
        Assert.Single(await ShownAsync(id));

        var added = await Links.AddAsync(officer, id, new PublicationLinkInput(" https://www.rutland.gov.uk/dardr ", " Rutland County Council "));
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.Equal([("https://www.example.org/dhr", PublicationLink.FirstLabel), ("https://www.rutland.gov.uk/dardr", "Rutland County Council")],
            (await ShownAsync(id)).Select(l => (l.Url, l.Label)));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Action == AuditAction.Created && a.Subject == "PublicationLink")));

        Assert.True((await Links.RemoveAsync(officer, id, first.Id)).IsSuccess);
        var last = Assert.Single(await ShownAsync(id));
        Assert.IsType<ValidationFailed>((await Links.RemoveAsync(officer, id, last.Id)).Error);
        Assert.Single(await ShownAsync(id));
    }

    [Fact]
    public async Task OthersThanTheLeadOfficesOfficers_AreRefusedAndAudited_ReadersSeeTheAddresses()
    {
        var id = await ReviewAtSignOffAsync(Portal, signedOff: true);
        await PublishAsync(Portal, id);
        var link = Assert.Single(await ShownAsync(id));
        foreach (var email in new[] { DemoAccounts.KentOfficer, DemoAccounts.LrManager, DemoAccounts.AgencyContact, DemoAccounts.BoardMember })
        {
            var who = await Portal.ActorAsync(email);
            var before = await RefusalsAsync(email);
            Assert.IsType<AccessRefused>((await Links.AddAsync(who, id, new PublicationLinkInput("https://www.kent.gov.uk/dhr", "Kent"))).Error);
            Assert.IsType<AccessRefused>((await Links.RemoveAsync(who, id, link.Id)).Error);
            Assert.Equal(before + 2, await RefusalsAsync(email));
        }

        Assert.Equal(link, Assert.Single(await ShownAsync(id, DemoAccounts.LrManager)));
        Assert.IsType<AccessRefused>((await Portal.Get<SubmissionQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), id)).Error);
        Assert.Single(await ShownAsync(id));
    }
}

public sealed class SqlitePublicationLinksTests(SqliteFixture fixture) : PublicationLinksTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPublicationLinksTests(PostgresFixture fixture) : PublicationLinksTests(fixture), IClassFixture<PostgresFixture>;
