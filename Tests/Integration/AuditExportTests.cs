using System.Net;
using System.Text;
using Domain.Audit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// The audit export for the data protection officer (issue 16): the audit page's filters, plain-English columns with
/// UK dates and London times, names for people, cells a spreadsheet cannot run as formulas, and the export itself
/// audited. Administrators get the metadata without details, as on the page; anyone else is refused, and the refusal
/// audited.
public abstract class AuditExportTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private static readonly Uri Export = new("/audit/export.csv", UriKind.Relative);

    /// Posts the export form as the audit page does: the filters as fields, with the session's antiforgery token (the
    /// sign-out form of every page carries it).
    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, string query, string tokenFrom = "/")
    {
        var fields = QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString());
        fields["__RequestVerificationToken"] = (await client.HiddenFieldsAsync(tokenFrom))["__RequestVerificationToken"];
        return await client.PostAsync(Export, new FormUrlEncodedContent(fields));
    }

    /// Two rows of a case of its own, on 1 July 2026 at 23:30 UTC, which is 00:30 on 2 July in London.
    private async Task<string> SeedAsync()
    {
        var reference = "AX-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await Portal.WithDbAsync(async db =>
        {
            var officer = await db.Users.SingleAsync(u => u.Email == DemoAccounts.LrOfficer);
            var at = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc);
            db.AuditEvents.Add(new AuditEvent { AtUtc = at, UserId = officer.Id, UserEmail = officer.Email, Action = AuditAction.Changed, Subject = "WorkItem",
                CaseReference = reference, Detail = $"Claimed task \"Present the case to the CRG\", assigned to {officer.Id}" });
            db.AuditEvents.Add(new AuditEvent { AtUtc = at.AddMinutes(1), UserId = officer.Id, UserEmail = officer.Email, Action = AuditAction.Changed, Subject = "Review",
                CaseReference = reference, Detail = "AppointAuthor: Commissioning -> PanelAndReport" });
            db.AuditEvents.Add(new AuditEvent { AtUtc = at.AddMinutes(2), UserEmail = "=HYPERLINK(\"http://x\")", Action = AuditAction.Refused, Subject = "Page",
                CaseReference = reference, Detail = "@SUM(1+1)" });
            await db.SaveChangesAsync();
            return 0;
        });
        return reference;
    }

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [Fact]
    public async Task DataProtectionOfficer_ExportsTheFilteredRows_InWords_AndTheExportIsAudited()
    {
        var reference = await SeedAsync();
        using var dpo = await Portal.SignedInClientAsync(DemoAccounts.Dpo);

        using var response = await ExportAsync(dpo, $"reference={reference}&from=2026-07-02&to=2026-07-02");
        var lines = await LinesAsync(response);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("audit-trail-", response.Content.Headers.ContentDisposition.FileName?.Trim('"'), StringComparison.Ordinal);

        Assert.Equal("Date,Time (London),Person,Email,What,Subject,Case,Detail", lines[0]);
        Assert.Equal(4, lines.Count);
        Assert.Equal($"2 Jul 2026,00:30:00,Olivia Officer,{DemoAccounts.LrOfficer},Changed,Task,{reference},\"Claimed task \"\"Present the case to the CRG\"\", assigned to Olivia Officer\"", lines[1]);
        Assert.Equal($"2 Jul 2026,00:31:00,Olivia Officer,{DemoAccounts.LrOfficer},Changed,Review,{reference},"
            + "\"Appoint the chair/author: \"\"Commissioning chair/author\"\" to \"\"Panel and report writing\"\"\"", lines[2]);
        Assert.Equal($"2 Jul 2026,00:32:00,\"'=HYPERLINK(\"\"http://x\"\")\",\"'=HYPERLINK(\"\"http://x\"\")\",Refused,Page,{reference},'@SUM(1+1)", lines[3]);

        // A London day: 1 July (UTC) holds none of them.
        using (var before = await ExportAsync(dpo, $"reference={reference}&to=2026-07-01"))
        {
            Assert.Single(await LinesAsync(before));
        }

        var audited = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail == DemoAccounts.Dpo && a.Action == AuditAction.Exported
            && a.Subject == "AuditTrail" && a.CaseReference == reference).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal($"audit export (with details): 3 row(s); from 2 Jul 2026, to 2 Jul 2026, case {reference}", audited[0]);
        Assert.Equal(2, audited.Count);
    }

    [Fact]
    public async Task Administrator_ExportsMetadataOnly_AsOnThePage()
    {
        var reference = await SeedAsync();
        using var admin = await Portal.SignedInClientAsync(DemoAccounts.Admin);

        using var response = await ExportAsync(admin, $"reference={reference}&action=Changed");
        var lines = await LinesAsync(response);

        Assert.Equal("Date,Time (London),Person,Email,What,Subject,Case", lines[0]);
        Assert.Equal(3, lines.Count);
        Assert.DoesNotContain(lines, l => l.Contains("Appoint", StringComparison.Ordinal) || l.Contains("Claimed", StringComparison.Ordinal));
        Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.Admin && a.Action == AuditAction.Exported
            && a.CaseReference == reference && a.Detail == $"audit export (metadata only): 2 row(s); case {reference}, what: Changed")));
    }

    [Fact]
    public async Task AnotherRole_PostingTheForm_IsRefused_AndTheRefusalAudited()
    {
        var reference = await SeedAsync();
        foreach (var email in new[] { DemoAccounts.LrOfficer, DemoAccounts.LrManager })
        {
            using var client = await Portal.SignedInClientAsync(email);
            using var response = await ExportAsync(client, $"reference={reference}");

            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(reference, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == email && a.Action == AuditAction.Refused
                && a.Subject == "AuditTrail" && a.Detail == "export the audit trail")), email);
            Assert.False(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == email && a.Action == AuditAction.Exported && a.Subject == "AuditTrail")));
        }

        // Without a session: sent to sign in, no file.
        using var anonymous = Portal.Client();
        using var signIn = await ExportAsync(anonymous, $"reference={reference}", tokenFrom: "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Account/Login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByALinkOrAFormWithoutThePortalsToken_IsRefused_NothingExportedOrAudited()
    {
        var reference = await SeedAsync();
        using var dpo = await Portal.SignedInClientAsync(DemoAccounts.Dpo);

        // What another site can make a signed-in browser send: a link to open, or its own form, without the page's token.
        using var link = await dpo.GetAsync(new Uri($"/audit/export.csv?reference={reference}", UriKind.Relative));
        using var noToken = await dpo.PostAsync(Export, new FormUrlEncodedContent(new Dictionary<string, string> { ["reference"] = reference }));
        using var forged = await dpo.PostAsync(Export, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reference"] = reference, ["__RequestVerificationToken"] = "forged",
        }));

        Assert.NotEqual(HttpStatusCode.OK, link.StatusCode);
        Assert.DoesNotContain(reference, await link.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var refused in new[] { noToken, forged })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("This form was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserEmail == DemoAccounts.Dpo && a.Action == AuditAction.Exported
            && a.CaseReference == reference)));

        // The page's own form, token and all, is answered, not to be stored.
        using var own = await ExportAsync(dpo, $"reference={reference}");
        Assert.Equal(4, (await LinesAsync(own)).Count);
        Assert.True(own.Headers.CacheControl?.NoStore == true);
    }
}

public sealed class SqliteAuditExportTests(SqliteFixture fixture) : AuditExportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAuditExportTests(PostgresFixture fixture) : AuditExportTests(fixture), IClassFixture<PostgresFixture>;
