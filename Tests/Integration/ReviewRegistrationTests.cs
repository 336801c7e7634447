using Domain;
using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Data;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Registering and finding reviews through the handlers, on a real database of each provider.
public abstract class ReviewRegistrationTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private async Task<(int LeadCsp, int OtherCsp, int Agency)> LrOrganisationsAsync() => await Portal.WithDbAsync(async db =>
    {
        var ids = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id);
        return (ids["Rutland CSP"], ids["Charnwood CSP"], ids["Leicestershire Police"]);
    });

    private async Task<Notification> NotificationAsync(string label)
    {
        var (lead, other, agency) = await LrOrganisationsAsync();
        return new Notification(ReviewType.Dardr, false, false, false, lead, [other], agency, new DateOnly(2026, 11, 2), 2026, 10, 1,
            label, "Real Name", "Other Real Name", "A summary.");
    }

    [Fact]
    public async Task Register_ValidNotification_CreatesReviewWithReferenceAndAuditsFieldNamesOnly()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var label = $"Case R{Guid.NewGuid():N}"[..20];
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(officer, await NotificationAsync(label));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Matches(@"^LR-2026-\d{3}$", result.Value.Reference);
        var (review, audit) = await Portal.WithDbAsync(async db => (
            await db.Reviews.Include(r => r.InvolvedCsps).Include(r => r.Restricted).SingleAsync(r => r.Id == result.Value.Id),
            await db.AuditEvents.SingleAsync(a => a.ReviewId == result.Value.Id && a.Action == AuditAction.Created)));
        Assert.Equal(Stage.NotificationReceived, review.Stage);
        Assert.Single(review.InvolvedCsps);
        Assert.StartsWith(AtRest.Prefix, review.Restricted!.DeceasedNames, StringComparison.Ordinal);
        Assert.Equal("Real Name", (await Portal.Get<GetReviewHandler>().HandleAsync(officer, review.Id)).Value.Restricted!.DeceasedNames);
        Assert.Equal(result.Value.Reference, audit.CaseReference);
        Assert.Contains("restricted details", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Real Name", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TwoInTheSameYear_GetConsecutiveReferences()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<RegisterNotificationHandler>();
        var first = await handler.HandleAsync(officer, await NotificationAsync($"Case S{Guid.NewGuid():N}"[..20]));
        var second = await handler.HandleAsync(officer, await NotificationAsync($"Case T{Guid.NewGuid():N}"[..20]));

        var n1 = int.Parse(first.Value.Reference[^3..]);
        var n2 = int.Parse(second.Value.Reference[^3..]);
        Assert.Equal(n1 + 1, n2);
    }

    [Fact]
    public async Task Register_DuplicateLabelInAnotherCase_IsRefusedAndSavesNothing()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<RegisterNotificationHandler>();
        var label = $"Case U{Guid.NewGuid():N}"[..20];
        Assert.True((await handler.HandleAsync(officer, await NotificationAsync(label))).IsSuccess);
        var before = await Portal.WithDbAsync(db => db.Reviews.CountAsync());

        var again = await handler.HandleAsync(officer, await NotificationAsync(label.ToUpperInvariant()));

        var failed = Assert.IsType<ValidationFailed>(again.Error);
        Assert.Contains(failed.Errors, e => e.Field == nameof(Notification.CaseLabel) && e.Message.Contains("already used", StringComparison.Ordinal));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Fact]
    public async Task Register_ForACspAnotherOfficeServes_IsRefusedAndAudited()
    {
        var kentOfficer = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(kentOfficer, await NotificationAsync($"Case V{Guid.NewGuid():N}"[..20]));

        Assert.IsType<AccessRefused>(result.Error);
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == kentOfficer.UserId && a.Action == AuditAction.Refused)));
    }

    [Fact]
    public async Task Register_ByAnAgencyContact_IsRefused()
    {
        var contact = await Portal.ActorAsync(DemoAccounts.AgencyContact);
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(contact, await NotificationAsync("Case W 2026"));
        Assert.IsType<AccessRefused>(result.Error);
    }

    [Fact]
    public async Task Register_Search_FindsByLabelOrReferenceCaseInsensitively()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var label = $"Case X{Guid.NewGuid():N}"[..20];
        var created = (await Portal.Get<RegisterNotificationHandler>().HandleAsync(officer, await NotificationAsync(label))).Value;
        var query = Portal.Get<ReviewRegisterQuery>();

        var byLabel = await query.HandleAsync(officer, new RegisterFilter(Search: label.ToUpperInvariant()), new PageRequest());
        var byReference = await query.HandleAsync(officer, new RegisterFilter(Search: created.Reference.ToLowerInvariant()), new PageRequest());

        Assert.Equal(created.Id, Assert.Single(byLabel.Items).Id);
        Assert.Contains(byReference.Items, r => r.Id == created.Id);
    }

    [Fact]
    public async Task Register_PagesSortsAndFilters_InTheDatabase()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var query = Portal.Get<ReviewRegisterQuery>();

        var all = await query.HandleAsync(officer, new RegisterFilter(), new PageRequest(0, 100, nameof(ReviewRow.Reference)));
        var page2 = await query.HandleAsync(officer, new RegisterFilter(), new PageRequest(1, 3, nameof(ReviewRow.Reference)));
        var dhr = await query.HandleAsync(officer, new RegisterFilter(Type: ReviewType.Dhr, Year: 2024), new PageRequest());

        Assert.Equal(all.TotalCount, page2.TotalCount);
        Assert.Equal(all.Items.Skip(3).Take(3).Select(r => r.Id), page2.Items.Select(r => r.Id));
        Assert.Equal(all.Items.Select(r => r.Reference).Order(StringComparer.Ordinal), all.Items.Select(r => r.Reference));
        Assert.NotEmpty(dhr.Items);
        Assert.All(dhr.Items, r => Assert.Equal(ReviewType.Dhr, r.Type));
        Assert.All(dhr.Items, r => Assert.Equal(2024, r.DateNotified.Year));
    }

    [Fact]
    public async Task Register_OfficeSeesItsCspsAndInvolvedCases_NotOtherOfficesCases()
    {
        var query = Portal.Get<ReviewRegisterQuery>();
        var lr = await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), new RegisterFilter(), new PageRequest(0, 100));
        var kent = await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.KentOfficer), new RegisterFilter(), new PageRequest(0, 100));

        Assert.NotEmpty(kent.Items);
        Assert.All(kent.Items, r => Assert.StartsWith("KT-", r.Reference, StringComparison.Ordinal));
        // The Kent review that involves Leicester City CSP is visible to the LR office too.
        Assert.Contains(lr.Items, r => r.Reference.StartsWith("KT-", StringComparison.Ordinal));
        Assert.DoesNotContain(kent.Items, r => r.Reference.StartsWith("LR-", StringComparison.Ordinal));
    }
}

public sealed class SqliteReviewRegistrationTests(SqliteFixture fixture) : ReviewRegistrationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresReviewRegistrationTests(PostgresFixture fixture) : ReviewRegistrationTests(fixture), IClassFixture<PostgresFixture>;
