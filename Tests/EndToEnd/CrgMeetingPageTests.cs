using Domain.Calendar;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// An officer plans a CRG meeting and shares its papers; a CRG member reads the agenda and nothing else.
[Collection(BrowserCollection.Name)]
public sealed class CrgMeetingPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    private DateOnly Today => London.DateOf(_portal.Time.GetUtcNow().UtcDateTime);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Officer_PlansAMeetingAndSharesThePapers_CrgMemberReadsTheAgendaOnly()
    {
        var id = await _portal.RegisterReviewAsync(Today.AddDays(-5));
        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.LrOfficer);
            await page.GetByRole(AriaRole.Link, new() { Name = "CRG meetings" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRG meetings", Level = 1 })).ToBeVisibleAsync();
            await tab.WaitForInteractiveAsync();
            await tab.AssertAccessibleAsync();

            // A past date is refused beside the field.
            await page.Locator("#meeting-date").FillAsync("20/11/2026");
            await page.Locator("#meeting-date").PressAsync("Tab");
            await page.Locator("#create-meeting").ClickAsync();
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("must be in the future");

            // The time and place are asked for too, each beside its field.
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("Enter the time the meeting starts, for example 10:00.");
            await Assertions.Expect(page.Locator("#plan-meeting")).ToContainTextAsync("Enter where the meeting is held");
            await tab.AssertAccessibleAsync();

            await page.Locator("#meeting-date").FillAsync("14/12/2026");
            await page.Locator("#meeting-date").PressAsync("Tab");
            await page.Locator("#meeting-time").FillAsync("10:30");
            await page.Locator("#meeting-place").FillAsync("Committee Room 2, City Hall");
            await page.Locator("#create-meeting").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "CRG meeting, 14 Dec 2026", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#meeting-when")).ToHaveTextAsync("14 Dec 2026 at 10:30, Committee Room 2, City Hall");
            await Assertions.Expect(page.Locator($"#item-{id}")).ToContainTextAsync("Decision: are the criteria for a review met?");
            await tab.AssertAccessibleAsync();
            await page.Locator("#share-papers").ClickAsync();
            await Assertions.Expect(page.Locator("#meeting-summary")).ToContainTextAsync("are shared with the CRG members");
        }

        await using (var tab = await PortalPage.OpenAsync(browser, _portal))
        {
            var page = tab.Page;
            await tab.SignInAsync(DemoAccounts.CrgMember);
            await page.GetByRole(AriaRole.Link, new() { Name = "CRG meetings" }).ClickAsync();
            await tab.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#meetings")).ToContainTextAsync("10:30, Committee Room 2, City Hall");
            await page.GetByRole(AriaRole.Link, new() { Name = "14 Dec 2026" }).ClickAsync();
            await Assertions.Expect(page.Locator("#meeting-when")).ToHaveTextAsync("14 Dec 2026 at 10:30, Committee Room 2, City Hall");
            var item = page.Locator($"#item-{id}");
            await Assertions.Expect(item).ToContainTextAsync("A summary.");
            await Assertions.Expect(item).ToContainTextAsync("Notification received");
            await Assertions.Expect(item.Locator("a")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#agenda-tools")).ToHaveCountAsync(0);
            await tab.AssertAccessibleAsync();

            await tab.GotoAsync($"reviews/{id}");
            await Assertions.Expect(page.Locator("#no-access")).ToBeVisibleAsync();
            await tab.AssertAccessibleAsync();
            Assert.Empty(tab.ConsoleErrors);
        }
    }
}
