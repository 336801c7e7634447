using Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// The case profile in Chromium: the officer opens it from the review's restricted details, is told beside the field
/// that an age of 130 cannot be (nothing saved), records the facts, and sees the criteria check warn of a victim under
/// 16 and of a relationship the criteria do not name; then downloads the data collection form written from it. axe on the page.
[Collection(BrowserCollection.Name)]
public sealed class CaseProfileEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static string Field(string key) => "profile-" + ProfileField.Seed.Single(f => f.Key == key).Id;

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_RecordsTheCaseProfile_BadAgeIsRefusedBesideTheField_TheCriteriaCheckWarns_AndDownloadsTheDataCollectionForm()
    {
        var today = Domain.Calendar.London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);
        var id = await _portal.RegisterReviewAsync(today.AddDays(-3));

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        var page = officer.Page;
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"reviews/{id}");
        await page.Locator("#case-profile-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Criteria check" })).ToBeVisibleAsync();
        await officer.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#criteria-none")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);

        await page.Locator("#" + Field(ProfileKeys.VictimAge)).FillAsync("130");
        await officer.ChooseAsync(Field(ProfileKeys.VictimSex), "Female");
        await page.Locator("#save-profile").ClickAsync();
        await Assertions.Expect(page.Locator($"div.mud-input-control:has(#{Field(ProfileKeys.VictimAge)})"))
            .ToContainTextAsync("Victim's age: enter the age in whole years, from 0 to 120, or leave it empty.");
        Assert.Equal(0, await _portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id)));
        await AssertCleanAsync(officer);

        await page.Locator("#" + Field(ProfileKeys.VictimAge)).FillAsync("15");
        await officer.ChooseAsync(Field(ProfileKeys.Relationship), "Other");
        await officer.ChooseAsync(Field(ProfileKeys.DeathKind), "Homicide");
        await page.Locator("#" + Field(ProfileKeys.KnownToAgencies)).GetByText("Police", new() { Exact = true }).ClickAsync();
        await page.Locator("#" + Field(ProfileKeys.KnownToAgencies)).GetByText("MARAC", new() { Exact = true }).ClickAsync();
        await page.Locator("#save-profile").ClickAsync();

        await Assertions.Expect(page.Locator("#criteria-check")).ToContainTextAsync("The victim was under 16: consider a Child Safeguarding Practice Review.");
        await Assertions.Expect(page.Locator("#criteria-check")).ToContainTextAsync("The relationship is not one the statutory criteria name");
        await Assertions.Expect(page.Locator("#profile-missing")).ToContainTextAsync("Method");
        await Assertions.Expect(page.Locator("#" + Field(ProfileKeys.VictimAge))).ToHaveValueAsync("15");
        Assert.Equal(5, await _portal.WithDbAsync(db => db.ProfileValues.CountAsync(v => v.ReviewId == id)));
        await AssertCleanAsync(officer);

        // Reloaded, the page shows what was saved.
        await officer.GotoAsync($"reviews/{id}/profile");
        await Assertions.Expect(page.Locator("#" + Field(ProfileKeys.VictimAge))).ToHaveValueAsync("15");
        await Assertions.Expect(page.Locator("#" + Field(ProfileKeys.KnownToAgencies)).GetByRole(AriaRole.Checkbox, new() { Name = "MARAC" })).ToBeCheckedAsync();

        // The data collection form, written from what was recorded.
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Reference).SingleAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#profile-docx").ClickAsync());
        Assert.Equal($"{reference}-data-collection-form.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".docx");
        await download.SaveAsAsync(path);
        await using (var file = File.OpenRead(path))
        {
            var answers = Portal.Features.Reports.BoardReportDocx.ReadTables(file)[1].Skip(1).ToDictionary(r => r[0], r => r[1]);
            Assert.Equal("15", answers["Victim's age"]);
            Assert.Equal("Police, MARAC", answers["Victim known to agencies for domestic abuse"]);
            Assert.Equal("Other", answers["Relationship of the perpetrator to the victim"]);
        }

        File.Delete(path);
        Assert.True(await _portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ReviewId == id && a.Action == Domain.Audit.AuditAction.Exported
            && a.Detail == "data collection form downloaded")));
    }
}
