using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Domain;
using Domain.Audit;
using Domain.Profiles;
using Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reports;
using Portal.Testing;
using Workflows.Profiles;
using Workflows.Reports;

namespace Portal.Integration.Tests;

/// The board's activity overview on a real database of each provider: case profiles recorded through the real handler
/// (protected at rest) give the expected suppressed tables cell by cell, as at a past date; a board member reads the
/// counts but no case profile, and another office's overview is refused and audited.
public abstract class ActivityOverviewTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private static readonly DateOnly EndOf2025To26 = new(2026, 3, 31);

    private static int Id(string key) => ProfileField.Seed.Single(f => f.Key == key).Id;

    private async Task<(int CspId, List<int> Reviews)> AreaAsync()
    {
        var (cspId, name) = await Portal.NewLrCspAsync("Overview CSP");
        var reviews = new List<int>();
        async Task Add(int count, DateOnly notified, params (string Key, string Value)[] profile)
        {
            for (var i = 0; i < count; i++)
            {
                var id = await Portal.RegisterReviewAsync(notified, name);
                reviews.Add(id);
                if (profile.Length > 0)
                {
                    var saved = await Portal.Get<SaveCaseProfileHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
                        new SaveCaseProfile(id, profile.ToDictionary(p => Id(p.Key), p => (string?)p.Value)));
                    Assert.True(saved.IsSuccess, saved.Error?.Message);
                }
            }
        }

        // 2023-24: one woman.
        await Add(1, new DateOnly(2023, 9, 1), (ProfileKeys.VictimSex, "Female"));
        // 2024-25: nine reviews, one with no profile; a band recorded where the age is not known.
        await Add(5, new DateOnly(2024, 6, 3), (ProfileKeys.VictimSex, "Female"), (ProfileKeys.VictimAge, "34"),
            (ProfileKeys.Relationship, "Intimate partner"), (ProfileKeys.DeathKind, "Homicide"));
        await Add(1, new DateOnly(2025, 3, 31), (ProfileKeys.VictimSex, "Female"), (ProfileKeys.VictimAge, "30"),
            (ProfileKeys.Relationship, "Intimate partner"), (ProfileKeys.DeathKind, "Homicide-suicide"));
        await Add(2, new DateOnly(2024, 11, 20), (ProfileKeys.VictimSex, "Male"), (ProfileKeys.VictimAgeBand, "65 to 74"),
            (ProfileKeys.Relationship, "Family member"), (ProfileKeys.DeathKind, "Suicide"));
        await Add(1, new DateOnly(2024, 12, 1));
        // 2025-26: one woman and five men - the five could only be 5 beside the one, so the year is withheld throughout.
        await Add(1, new DateOnly(2025, 4, 1), (ProfileKeys.VictimSex, "Female"), (ProfileKeys.VictimAge, "20"),
            (ProfileKeys.Relationship, "Ex-partner"), (ProfileKeys.DeathKind, "Homicide"));
        await Add(5, new DateOnly(2025, 10, 6), (ProfileKeys.VictimSex, "Male"), (ProfileKeys.VictimAge, "40"),
            (ProfileKeys.Relationship, "Intimate partner"), (ProfileKeys.DeathKind, "Homicide"));
        // 2026-27: after the report's date.
        await Add(3, new DateOnly(2026, 5, 1), (ProfileKeys.VictimSex, "Female"));
        return (cspId, reviews);
    }

    private static IReadOnlyList<string> Row(OverviewTable table, string year)
    {
        var row = table.Rows.Single(r => r.Label == year);
        return [.. row.Cells.Select(c => c.Text), row.Total.Text];
    }

    [Fact]
    public async Task ProfilesOfOneCsp_AsAtAPastDate_GiveTheSuppressedTablesCellByCell()
    {
        var (csp, _) = await AreaAsync();
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);

        var result = await Portal.Get<ActivityOverviewQuery>().HandleAsync(board, csp, EndOf2025To26);

        Assert.True(result.IsSuccess, result.Error?.Message);
        var tables = result.Value.Tables;
        Assert.Equal(["Victims by sex", "Victims by age band", "Relationship of the perpetrator to the victim", "Kind of death"], tables.Select(t => t.Title));
        Assert.All(tables, t => Assert.Equal(["2025-26", "2024-25", "2023-24"], t.Rows.Select(r => r.Label)));
        const string F = "fewer than 5";
        const string W = "withheld";

        var sex = tables[0];
        Assert.Equal(["Female", "Male", "Not recorded"], sex.Categories);
        Assert.Equal([F, W, W, W], Row(sex, "2025-26"));
        Assert.Equal(["6", F, F, "9"], Row(sex, "2024-25"));
        Assert.Equal([F, "0", "0", F], Row(sex, "2023-24"));

        var age = tables[1];
        Assert.Equal([.. AgeBands.All, "Not recorded"], age.Categories);
        Assert.Equal([W, F, W, W, W, W, W, W, W, W], Row(age, "2025-26"));
        Assert.Equal(["0", "0", "6", "0", "0", "0", F, "0", F, "9"], Row(age, "2024-25"));
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", F, F], Row(age, "2023-24"));

        var relationship = tables[2];
        Assert.Equal([.. Relationships.All, "Not recorded"], relationship.Categories);
        Assert.Equal([W, F, W, W, W, W, W], Row(relationship, "2025-26"));
        Assert.Equal(["6", "0", F, "0", "0", F, "9"], Row(relationship, "2024-25"));

        var kind = tables[3];
        Assert.Equal(["Homicide", "Suicide", "Homicide-suicide", "Other", "Not recorded"], kind.Categories);
        Assert.Equal([W, W, W, W, W, W], Row(kind, "2025-26"));
        Assert.Equal(["5", F, F, "0", F, "9"], Row(kind, "2024-25"));
        Assert.Equal(["0", "0", "0", "0", F, F], Row(kind, "2023-24"));

        // The .docx holds the same tables (one source: ActivityOverviewText) and passes the Open XML validator.
        using var client = await Portal.SignedInClientAsync(DemoAccounts.BoardMember);
        using var response = await client.GetAsync(new Uri($"/reports/board.docx?org={csp}&asOf=2026-03-31", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }

        var docxTables = BoardReportDocx.ReadTables(new MemoryStream(bytes));
        var expected = ActivityOverviewText.Tables(result.Value).Select(t => (IReadOnlyList<IReadOnlyList<string>>)[t.Table.Header, .. t.Table.Rows]).ToList();
        Assert.Equal(expected, docxTables.TakeLast(4));
        Assert.Contains(await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == ActivityOverviewQuery.Subject && a.Action == AuditAction.Exported)
            .Select(a => a.Detail).ToListAsync()), d => d == "activity overview exported as at 2026-03-31");

        // As at today the three reviews notified since count in 2026-27.
        var today = (await Portal.Get<ActivityOverviewQuery>().HandleAsync(board, csp, new DateOnly(2026, 11, 23))).Value;
        Assert.Equal([F, "0", "0", F], Row(today.Tables[0], "2026-27"));
    }

    [Fact]
    public async Task BoardMember_ReadsTheCounts_NoCaseProfile_AndNoReference_AnotherOfficeRefusedAndAudited()
    {
        var (csp, reviews) = await AreaAsync();
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);

        var overview = await Portal.Get<ActivityOverviewQuery>().HandleAsync(board, csp, EndOf2025To26);

        Assert.True(overview.IsSuccess);
        var words = overview.Value.Tables.SelectMany(t => t.Categories.Append(t.Title).Concat(t.Rows.SelectMany(r => r.Cells.Append(r.Total).Select(c => c.Text))))
            .ToList();
        var cases = await Portal.WithDbAsync(db => db.Reviews.Where(r => reviews.Contains(r.Id)).Select(r => new { r.Reference, r.CaseLabel }).ToListAsync());
        Assert.DoesNotContain(words, w => cases.Any(c => w.Contains(c.Reference, StringComparison.Ordinal) || w.Contains(c.CaseLabel, StringComparison.Ordinal)));

        // The counts, never a case profile: each refusal audited.
        Assert.IsType<AccessRefused>((await Portal.Get<CaseProfileQuery>().HandleAsync(board, reviews[0])).Error);
        Assert.Equal(1, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == board.UserId && a.ReviewId == reviews[0]
            && a.Action == AuditAction.Refused && a.Subject == ProfileAccess.Subject)));

        // Another office's overview (Kent), and roles that read no reports, are refused and audited.
        var kentOffice = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "KT").Select(o => o.Id).SingleAsync());
        var kentOfficer = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.IsType<AccessRefused>((await Portal.Get<ActivityOverviewQuery>().HandleAsync(board, kentOffice, EndOf2025To26)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<ActivityOverviewQuery>().HandleAsync(kentOfficer, csp, EndOf2025To26)).Error);
        foreach (var who in new[] { DemoAccounts.CrgMember, DemoAccounts.Admin, DemoAccounts.AgencyContact, DemoAccounts.Author })
        {
            Assert.IsType<AccessRefused>((await Portal.Get<ActivityOverviewQuery>().HandleAsync(await Portal.ActorAsync(who), csp, EndOf2025To26)).Error);
        }

        var audit = await Portal.WithDbAsync(db => db.AuditEvents.Where(a => a.Subject == ActivityOverviewQuery.Subject).ToListAsync());
        Assert.Contains(audit, a => a.UserId == board.UserId && a.Action == AuditAction.Refused && a.SubjectId == kentOffice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audit, a => a.UserId == kentOfficer.UserId && a.Action == AuditAction.Refused && a.SubjectId == csp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audit, a => a.UserId == board.UserId && a.Action == AuditAction.Viewed && a.Detail == "activity overview viewed as at 2026-03-31");
        // The audit names no value counted.
        Assert.DoesNotContain(audit, a => a.Detail!.Contains("Female", StringComparison.Ordinal) || a.Detail.Contains("Homicide", StringComparison.Ordinal));
    }
}

public sealed class SqliteActivityOverviewTests(SqliteFixture fixture) : ActivityOverviewTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresActivityOverviewTests(PostgresFixture fixture) : ActivityOverviewTests(fixture), IClassFixture<PostgresFixture>;
