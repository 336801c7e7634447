using Bunit;
using Portal.Features.Reviews;
using Portal.Testing;

namespace Portal.Components.Tests;

public sealed class ReviewRegisterTests : ComponentContext
{
    [Fact]
    public async Task Register_ShowsTheOfficesReviewsWithUkDates()
    {
        await SignInAsync(DemoAccounts.KentOfficer);
        var cut = RenderWithProviders<ReviewRegister>();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("#review-register tbody tr").Count), TimeSpan.FromSeconds(10));
        Assert.All(cut.FindAll("#review-register tbody tr"), row => Assert.StartsWith("KT-", row.QuerySelector("a")!.TextContent, StringComparison.Ordinal));
        Assert.Contains("22 Apr 2024", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Search_ReloadsFromTheServer_AndShowsAnEmptyState()
    {
        await SignInAsync(DemoAccounts.KentOfficer);
        var cut = RenderWithProviders<ReviewRegister>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#review-register tbody tr a")), TimeSpan.FromSeconds(10));

        cut.Find("#register-search").Input("no such review");

        cut.WaitForAssertion(() => Assert.Contains("No reviews match", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Register_OfferedToOfficeStaff_HasTheRegisterButton()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = RenderWithProviders<ReviewRegister>();
        cut.WaitForAssertion(() => Assert.Contains("Register a notification", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_ForOfficeStaff_OffersToRecordAReviewLedElsewhere()
    {
        // The Kent office has none in the demo data set (the LR office has one, Nottinghamshire's).
        await SignInAsync(DemoAccounts.KentOfficer);
        var cut = RenderWithProviders<ReviewRegister>();
        cut.WaitForAssertion(() => Assert.Contains("Record a review led elsewhere", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("No reviews led elsewhere match.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ForTheDpo_HasNoReviewsLedElsewhere()
    {
        await SignInAsync(DemoAccounts.Dpo);
        var cut = RenderWithProviders<ReviewRegister>();
        cut.WaitForAssertion(() => Assert.Contains("review-register", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Reviews led elsewhere", cut.Markup, StringComparison.Ordinal);
    }
}
