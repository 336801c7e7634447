using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Domain;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Data;
using Workflows.Themes;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// A review's briefing on a real database of each provider: pre-filled from the review's themes, recommendations and
/// publication links; kept by the lead office (checked, version-checked, protected at rest, audited by part not words);
/// downloaded as valid Word with no real name; refused (and audited) to another office, a board member and the like.
public abstract class BriefingTests(ProviderFixture fixture)
{
    private const string RealName = "Amelia Hartley-Quinn";

    private PortalFactory Portal => fixture.Portal;

    private static BriefingTexts Texts(string summary = "Ms A died in 2025. The review found agencies did not share what they knew.") =>
        new(summary, "Coercive control", "R1 (Single agency: Leicestershire Police): Review risk after separation.", "How does your service ask about coercive control?");

    private Task<int> RefusalsAsync(string userId, int reviewId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.ReviewId == reviewId && a.Action == AuditAction.Refused
            && a.Subject == BriefingAccess.Subject));

    /// A signed-off review of the LR office with two themes, one recommendation, a real name on record, published.
    private async Task<int> ReviewAsync(bool publish = true)
    {
        var id = await ReviewAtSignOffAsync(Portal, signedOff: true);
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        Assert.True((await Portal.Get<ReviewThemesHandler>().SetThemesAsync(officer, id, [2, 1])).IsSuccess);
        await RecommendationAsync(Portal, id);
        await Portal.WithDbAsync(db =>
        {
            db.RestrictedDetails.Add(new Domain.Reviews.RestrictedDetails { ReviewId = id, DeceasedNames = Portal.Get<AtRest>().Protect(AtRest.DeceasedNames, RealName) });
            return db.SaveChangesAsync();
        });
        if (publish)
        {
            await PublishAsync(Portal, id);
        }

        return id;
    }

    [Fact]
    public async Task Officer_FindsTheDraftPrefilled_SavesIt_ProtectedAtRest_AuditedByPart_AndAStaleVersionIsAConflict()
    {
        var id = await ReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var query = Portal.Get<BriefingQuery>();
        var save = Portal.Get<SaveBriefingHandler>();

        var draft = (await query.HandleAsync(officer, id)).Value;
        Assert.False(draft.IsSaved);
        Assert.True(draft.CanEdit);
        Assert.Null(draft.Texts.Summary);
        Assert.Equal("Coercive control\nEconomic abuse", draft.Texts.Themes);
        Assert.Equal("R1 (Single agency: Leicestershire Police): Police to review how they assess risk after separation.", draft.Texts.Recommendations);
        Assert.Equal("https://www.example.org/dhr", Assert.Single(draft.PublicationLinks).Url);

        var bad = await save.HandleAsync(officer, new SaveBriefing(id, new BriefingTexts(" ", null, new string('r', ReviewBriefing.RecommendationsMaxLength + 1), null), 0));
        Assert.Equal(["Recommendations", "Summary"], Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field).Order());
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ReviewBriefings.CountAsync(b => b.ReviewId == id)));

        var saved = await save.HandleAsync(officer, new SaveBriefing(id, Texts(), 0));
        Assert.Equal(1, saved.Value);
        var stored = await Portal.WithDbAsync(db => db.ReviewBriefings.AsNoTracking().SingleAsync(b => b.ReviewId == id));
        Assert.All(new[] { stored.Summary, stored.Themes, stored.Recommendations, stored.Questions }, v => Assert.True(AtRest.IsProtected(v)));
        Assert.DoesNotContain("agencies did not share", stored.Summary, StringComparison.Ordinal);

        var view = (await query.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), id)).Value;
        Assert.Equal(Texts(), view.Texts);
        Assert.Equal(1, view.Version);
        Assert.Equal("Coercive control\nEconomic abuse", view.Prefilled.Themes);

        // The manager saves over the officer's version; the officer, still on version 1, is told and changes nothing.
        Assert.Equal(2, (await save.HandleAsync(await Portal.ActorAsync(DemoAccounts.LrManager), new SaveBriefing(id, Texts("The manager's summary."), 1))).Value);
        Assert.IsType<Conflict>((await save.HandleAsync(officer, new SaveBriefing(id, Texts("The officer's late summary."), 1))).Error);
        Assert.Equal("The manager's summary.", (await query.HandleAsync(officer, id)).Value.Texts.Summary);

        var audit = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.ReviewId == id && a.Subject == BriefingAccess.Subject
            && (a.Action == AuditAction.Created || a.Action == AuditAction.Changed)).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal(["briefing: summary, themes, recommendations, questions", "briefing: summary"], audit);
    }

    [Fact]
    public async Task BeforeCrgSignOff_TheBriefingCannotBeWrittenNorDownloaded()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        Assert.Equal(Domain.Themes.BriefingRules.TooEarly, (await Portal.Get<BriefingQuery>().HandleAsync(officer, id)).Error?.Message);
        Assert.Equal(Domain.Themes.BriefingRules.TooEarly, (await Portal.Get<SaveBriefingHandler>().HandleAsync(officer, new SaveBriefing(id, Texts(), 0))).Error?.Message);
        using var client = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);
        using var response = await client.GetAsync(new Uri($"/reviews/{id}/briefing.docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ReviewBriefings.CountAsync(b => b.ReviewId == id)));
    }

    public static TheoryData<string, bool, bool> Readers => new()
    {
        // account, reads, keeps
        { DemoAccounts.LrOfficer, true, true },
        { DemoAccounts.LrManager, true, true },
        { DemoAccounts.Author, true, false },
        { DemoAccounts.Dpo, true, false },
        { DemoAccounts.KentOfficer, false, false },
        { DemoAccounts.AgencyContact, false, false },
        { DemoAccounts.CrgMember, false, false },
        { DemoAccounts.BoardMember, false, false },
        { DemoAccounts.Admin, false, false },
    };

    /// Read by those who may read the review's restricted details (here the appointed chair/author too), kept by the
    /// lead office; everyone else is refused and each refusal audited.
    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Briefing_ReadByThoseWhoReadRestrictedDetails_KeptByTheLeadOffice_RefusalsAudited(string account, bool reads, bool keeps)
    {
        var id = await ReviewAsync(publish: false);
        var actor = await Portal.ActorAsync(account);
        var before = await RefusalsAsync(actor.UserId, id);

        var read = await Portal.Get<BriefingQuery>().HandleAsync(actor, id);
        var kept = await Portal.Get<SaveBriefingHandler>().HandleAsync(actor, new SaveBriefing(id, Texts(), 0));

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
        Assert.Equal(keeps ? 1 : 0, await Portal.WithDbAsync(db => db.ReviewBriefings.CountAsync(b => b.ReviewId == id)));
    }

    [Fact]
    public async Task Download_IsValidWord_WithTheEditedBriefingAndLinks_NoRealName_Audited_AnotherOfficeAndABoardMemberRefusedAndAudited()
    {
        var id = await ReviewAsync();
        Assert.True((await Portal.Get<SaveBriefingHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), new SaveBriefing(id, Texts(), 0))).IsSuccess);
        var reference = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var label = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.CaseLabel).SingleAsync());

        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);
        using var response = await officer.GetAsync(new Uri($"/reviews/{id}/briefing.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{reference}-briefing.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using (var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
            var paragraphs = docx.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal($"Learning briefing: {label}", paragraphs[0]);
            Assert.Equal(["Summary", Texts().Summary!, "Themes", "\u2022 Coercive control", "Recommendations",
                "\u2022 R1 (Single agency: Leicestershire Police): Review risk after separation.", "Questions for reflection",
                "\u2022 How does your service ask about coercive control?", "Read the report", "Published report: https://www.example.org/dhr"], paragraphs[2..]);
            Assert.DoesNotContain(RealName, string.Join('\n', paragraphs), StringComparison.Ordinal);
        }

        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == AuditAction.Exported
            && a.Subject == BriefingAccess.Subject && a.Detail == "briefing downloaded")));

        foreach (var account in new[] { DemoAccounts.KentOfficer, DemoAccounts.BoardMember })
        {
            var actor = await Portal.ActorAsync(account);
            var before = await RefusalsAsync(actor.UserId, id);
            using var client = await Portal.SignedInClientAsync(account);
            using var refused = await client.GetAsync(new Uri($"/reviews/{id}/briefing.docx", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(before + 1, await RefusalsAsync(actor.UserId, id));
        }
    }
}

public sealed class BriefingSqliteTests(SqliteFixture fixture) : BriefingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BriefingPostgresTests(PostgresFixture fixture) : BriefingTests(fixture), IClassFixture<PostgresFixture>;
