using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Domain;
using Domain.Audit;
using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Data;
using Workflows.Profiles;

namespace Portal.Integration.Tests;

/// The case profile on a real database of each provider: who reads and keeps it, its values protected at rest and kept
/// out of the audit trail, bad input refused with nothing saved, and the field list administrators extend.
public abstract class CaseProfileTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private static int Id(string key) => ProfileField.Seed.Single(f => f.Key == key).Id;

    private static SaveCaseProfile Profile(int reviewId, params (string Key, string? Value)[] values) =>
        new(reviewId, values.ToDictionary(v => Id(v.Key), v => v.Value));

    private async Task<Result<CaseProfileSaved>> SaveAsync(string who, SaveCaseProfile input) =>
        await Portal.Get<SaveCaseProfileHandler>().HandleAsync(await Portal.ActorAsync(who), input);

    private Task<int> RefusalsAsync(string userId, int reviewId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused
            && a.Subject == ProfileAccess.Subject));

    [Fact]
    public async Task OfficerRecordsTheProfile_ValuesAreProtectedAtRest_TheAuditNamesFieldsNotValues_AndTheCriteriaCheckReadsThem()
    {
        var id = await Portal.RegisterReviewAsync(Today.AddDays(-5));

        var saved = await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimAge, "15"), (ProfileKeys.VictimSex, "Female"),
            (ProfileKeys.VictimEthnicity, "Mixed or multiple ethnic groups"), (ProfileKeys.Relationship, "Other"),
            (ProfileKeys.KnownToAgencies, "MARAC\nPolice")));

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal(["Victim's age", "Victim's sex", "Victim's ethnicity", "Relationship of the perpetrator to the victim",
            "Victim known to agencies for domestic abuse"], saved.Value.Changed);
        var view = (await Portal.Get<CaseProfileQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), id)).Value;
        Assert.True(view.CanEdit);
        Assert.Equal("Police\nMARAC", view.Answers.Single(a => a.Field.Key == ProfileKeys.KnownToAgencies).Value);
        Assert.Equal(2, view.Criteria.Count);
        Assert.StartsWith("The victim was under 16: consider a Child Safeguarding Practice Review", view.Criteria[0].Text, StringComparison.Ordinal);
        Assert.Contains("not one the statutory criteria name", view.Criteria[1].Text, StringComparison.Ordinal);
        Assert.False(view.IsComplete);
        Assert.Contains("Kind of death", view.Missing);

        await Portal.WithDbAsync(async db =>
        {
            var stored = await db.ProfileValues.Where(v => v.ReviewId == id).Select(v => v.Value).ToListAsync();
            Assert.Equal(5, stored.Count);
            Assert.All(stored, v => Assert.True(AtRest.IsProtected(v)));
            Assert.DoesNotContain(stored, v => v.Contains("Female", StringComparison.Ordinal) || v.Contains("MARAC", StringComparison.Ordinal));
            var audit = await db.AuditEvents.Where(a => a.ReviewId == id && a.Subject == ProfileAccess.Subject).ToListAsync();
            Assert.Contains(audit, a => a.Action == AuditAction.Changed && a.Detail!.StartsWith("case profile: Victim's age, Victim's sex", StringComparison.Ordinal));
            Assert.Contains(audit, a => a.Action == AuditAction.Viewed);
            Assert.DoesNotContain(audit, a => a.Detail!.Contains("Female", StringComparison.Ordinal) || a.Detail.Contains("MARAC", StringComparison.Ordinal)
                || a.Detail.Contains("Mixed", StringComparison.Ordinal));
            return 0;
        });

        // Saving the same again changes (and audits) nothing; clearing a value removes it.
        var again = await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimAge, "15"), (ProfileKeys.VictimSex, "Female"),
            (ProfileKeys.VictimEthnicity, "Mixed or multiple ethnic groups"), (ProfileKeys.Relationship, "Other"), (ProfileKeys.KnownToAgencies, "Police\nMARAC")));
        Assert.Empty(again.Value.Changed);
        var cleared = await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimAge, "45"), (ProfileKeys.Relationship, "Intimate partner")));
        Assert.Equal(["Victim's age", "Victim's sex", "Victim's ethnicity", "Relationship of the perpetrator to the victim",
            "Victim known to agencies for domestic abuse"], cleared.Value.Changed);
        Assert.Empty((await Portal.Get<CaseProfileQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id)).Value.Criteria);
        Assert.Equal(2, await Portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id)));
    }

    [Fact]
    public async Task BadInput_EachFieldHasAMessage_AndNothingIsSaved()
    {
        var id = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        Assert.True((await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimSex, "Male")))).IsSuccess);

        var result = await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimAge, "121"), (ProfileKeys.PerpetratorAge, "-3"),
            (ProfileKeys.VictimSex, "Female"), (ProfileKeys.DeathKind, "Accident"), (ProfileKeys.KnownToAgencies, "Police\nNeighbours")));

        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal([Id(ProfileKeys.VictimAge), Id(ProfileKeys.PerpetratorAge), Id(ProfileKeys.DeathKind), Id(ProfileKeys.KnownToAgencies)],
            failed.Errors.Select(e => int.Parse(e.Field!["Field".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Victim's age: enter the age in whole years, from 0 to 120, or leave it empty.", failed.Errors[0].Message);
        var view = (await Portal.Get<CaseProfileQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id)).Value;
        Assert.Equal("Male", view.Answers.Single(a => a.Field.Key == ProfileKeys.VictimSex).Value);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id)));
    }

    public static TheoryData<string, bool, bool> Readers => new()
    {
        // account, reads, keeps
        { DemoAccounts.LrOfficer, true, true },
        { DemoAccounts.LrManager, true, true },
        { DemoAccounts.Dpo, true, false },
        { DemoAccounts.Author, false, false },
        { DemoAccounts.KentOfficer, false, false },
        { DemoAccounts.AgencyContact, false, false },
        { DemoAccounts.CrgMember, false, false },
        { DemoAccounts.BoardMember, false, false },
        { DemoAccounts.Admin, false, false },
    };

    /// On a review with no chair/author appointed: those who may read its restricted details read the profile, the lead
    /// office keeps it, everyone else is refused and the refusal audited.
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Profile_ReadByThoseWhoReadRestrictedDetails_KeptByTheLeadOffice_RefusalsAudited(string account, bool reads, bool keeps)
    {
        var id = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var actor = await Portal.ActorAsync(account);
        var before = await RefusalsAsync(actor.UserId, id);

        var read = await Portal.Get<CaseProfileQuery>().HandleAsync(actor, id);
        var kept = await Portal.Get<SaveCaseProfileHandler>().HandleAsync(actor, Profile(id, (ProfileKeys.VictimSex, "Female")));

        Assert.Equal(reads, read.IsSuccess);
        Assert.Equal(keeps, kept.IsSuccess);
        if (reads)
        {
            Assert.Equal(keeps, read.Value.CanEdit);
        }
        else
        {
            Assert.IsType<AccessRefused>(read.Error);
        }

        Assert.Equal(before + (reads ? 0 : 1) + (keeps ? 0 : 1), await RefusalsAsync(actor.UserId, id));
        Assert.Equal(keeps ? 1 : 0, await Portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id)));
    }

    [Fact]
    public async Task AppointedChairAuthor_ReadsTheProfileAsTheyReadTheRealNames_ButDoesNotKeepIt()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var author = await Portal.ActorAsync(DemoAccounts.Author);

        var read = await Portal.Get<CaseProfileQuery>().HandleAsync(author, id);
        var kept = await SaveAsync(DemoAccounts.Author, Profile(id, (ProfileKeys.VictimSex, "Female")));

        Assert.True(read.IsSuccess);
        Assert.False(read.Value.CanEdit);
        Assert.IsType<AccessRefused>(kept.Error);
    }

    [Fact]
    public async Task Administrators_AddAFieldAndAnswers_WhichTheProfileThenAsksAndChecks_OthersAreRefused()
    {
        var admin = await Portal.ActorAsync(DemoAccounts.Admin);
        var handler = Portal.Get<ProfileFieldAdminHandler>();
        var label = $"Victim's religion {Guid.NewGuid():N}"[..40];

        var refused = await handler.AddAsync(await Portal.ActorAsync(DemoAccounts.LrManager), label, ProfileFieldKind.Choice, "None");
        var bad = await handler.AddAsync(admin, label, ProfileFieldKind.Choice, "");
        var added = await handler.AddAsync(admin, label, ProfileFieldKind.Choice, "None\nChristian");
        var more = await handler.ChangeAsync(admin, added.Value, label, "Muslim\nSikh");

        Assert.IsType<AccessRefused>(refused.Error);
        Assert.Equal(["Choices"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field));
        Assert.True(added.Value > ProfileField.Seed.Max(f => f.Id), "fields added come after the seeded ids");
        Assert.True(more.IsSuccess, more.Error?.Message);

        var id = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var wrong = await SaveAsync(DemoAccounts.LrOfficer, new SaveCaseProfile(id, new Dictionary<int, string?> { [added.Value] = "Buddhist" }));
        var right = await SaveAsync(DemoAccounts.LrOfficer, new SaveCaseProfile(id, new Dictionary<int, string?> { [added.Value] = "Sikh" }));
        Assert.Equal(ProfileRules.FieldName(added.Value), Assert.IsType<ValidationFailed>(wrong.Error).Errors.Single().Field);
        Assert.True(right.IsSuccess, right.Error?.Message);

        // Deactivated: no longer asked, the review keeps its answer (shown, read only).
        Assert.True((await handler.SetActiveAsync(admin, added.Value, false)).IsSuccess);
        var view = (await Portal.Get<CaseProfileQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id)).Value;
        Assert.Equal("Sikh", view.Answers.Single(a => a.Field.Id == added.Value).Value);
        Assert.DoesNotContain(label, view.Missing);
        Assert.DoesNotContain(label, (await SaveAsync(DemoAccounts.LrOfficer, new SaveCaseProfile(id, new Dictionary<int, string?>()))).Value.Changed);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id && v.FieldId == added.Value)));
    }
    [Fact]
    public async Task DataCollectionForm_DownloadedByTheOfficer_IsValidWord_WithTheProfileAndNoRealName_AndAudited_OthersRefusedAndAudited()
    {
        var id = await Portal.RegisterReviewAsync(Today.AddDays(-5));
        Assert.True((await SaveAsync(DemoAccounts.LrOfficer, Profile(id, (ProfileKeys.VictimAge, "34"), (ProfileKeys.VictimSex, "Female"),
            (ProfileKeys.KnownToAgencies, "Police\nIDVA"), (ProfileKeys.ChildrenInHousehold, "Yes")))).IsSuccess);
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        const string realName = "Amelia Hartley-Quinn";
        await Portal.WithDbAsync(db =>
        {
            db.RestrictedDetails.Add(new Domain.Reviews.RestrictedDetails { ReviewId = id, DeceasedNames = Portal.Get<AtRest>().Protect(AtRest.DeceasedNames, realName) });
            return db.SaveChangesAsync();
        });

        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);
        using var response = await officer.GetAsync(new Uri($"/reviews/{id}/data-collection-form.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{reference}-data-collection-form.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var docx = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
            Assert.DoesNotContain(realName, docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        var tables = BoardReportDocx.ReadTables(new MemoryStream(bytes));
        Assert.Equal(["Reference", reference], tables[0][1]);
        var answers = tables[1].Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("34", answers["Victim's age"]);
        Assert.Equal("Police, IDVA", answers["Victim known to agencies for domestic abuse"]);
        Assert.Equal("Not recorded", answers["Kind of death"]);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == AuditAction.Exported
            && a.Subject == ProfileAccess.Subject && a.Detail == "data collection form downloaded")));

        foreach (var account in new[] { DemoAccounts.CrgMember, DemoAccounts.AgencyContact, DemoAccounts.BoardMember, DemoAccounts.KentOfficer })
        {
            var actor = await Portal.ActorAsync(account);
            var before = await RefusalsAsync(actor.UserId, id);
            using var client = await Portal.SignedInClientAsync(account);
            using var refused = await client.GetAsync(new Uri($"/reviews/{id}/data-collection-form.docx", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(before + 1, await RefusalsAsync(actor.UserId, id));
        }
    }
}

public sealed class CaseProfileSqliteTests(SqliteFixture fixture) : CaseProfileTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseProfilePostgresTests(PostgresFixture fixture) : CaseProfileTests(fixture), IClassFixture<PostgresFixture>;
