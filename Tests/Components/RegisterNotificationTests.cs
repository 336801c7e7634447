using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Features.Reviews;
using Portal.Testing;

namespace Portal.Components.Tests;

public sealed class RegisterNotificationTests : ComponentContext
{
    [Fact]
    public async Task Form_SuggestsTheNextFreeCaseLabel()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = RenderWithProviders<RegisterNotification>();

        cut.WaitForAssertion(() => Assert.Matches(@"^Case [A-Z]+ 2026$", cut.Find("#case-label").GetAttribute("value")), TimeSpan.FromSeconds(10));
        var label = cut.Find("#case-label").GetAttribute("value")!;
        Assert.False(await Portal.WithDbAsync(db => db.Reviews.AnyAsync(r => r.CaseLabel == label)));
    }

    [Fact]
    public async Task Form_SavedEmpty_ShowsMessagesBesideTheFields_AndSavesNothing()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var before = await Portal.WithDbAsync(db => db.Reviews.CountAsync());
        var cut = RenderWithProviders<RegisterNotification>();
        cut.WaitForAssertion(() => cut.Find("#save-notification"), TimeSpan.FromSeconds(10));

        await cut.Find("#save-notification").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Choose the lead CSP.", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Choose the agency that notified the death.", cut.Markup, StringComparison.Ordinal);
            Assert.Contains("Enter the date the death was notified.", cut.Markup, StringComparison.Ordinal);
            Assert.NotNull(cut.Find("#form-errors"));
        });
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    [Fact]
    public async Task Form_ForAnOfficerWithoutAnOffice_ExplainsWhatToDo()
    {
        // The board member has no office membership; the page is for office staff, but the handler's answer is what counts.
        await SignInAsync(DemoAccounts.BoardMember);
        var cut = RenderWithProviders<RegisterNotification>();
        cut.WaitForAssertion(() => Assert.Contains("Ask your administrator to add your office membership", cut.Find("#no-csps").TextContent, StringComparison.Ordinal));
    }
}
