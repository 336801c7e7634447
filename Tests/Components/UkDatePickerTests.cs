using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Components.Shared;
using Portal.Features.Reviews;
using Portal.Testing;

namespace Portal.Components.Tests;

/// The portal's one date field, in the registration form: what a person types is read by the UK rule, and what cannot be
/// read says so beside the field, before and after saving, never as if the field were empty.
public sealed class UkDatePickerTests : ComponentContext
{
    [Fact]
    public async Task TypedDates_AreReadAsTheUkRuleReadsThem_KeystrokeByKeystroke()
    {
        var cut = await RenderFormAsync();
        var field = cut.FindComponents<UkDatePicker>().Single(p => Equals(p.Instance.UserAttributes["id"], "date-notified"));

        foreach (var typed in new[] { "1/12/2026", "01/12/26", "1 Dec 2026", "2026-12-01" })
        {
            // As a person types: the date read from "1/12/20" on the way must not rewrite the text under their fingers.
            for (var length = 1; length <= typed.Length; length++)
            {
                cut.Find("#date-notified").Input(typed[..length]);
            }

            cut.Find("#date-notified").Blur();
            cut.WaitForAssertion(() => Assert.Equal(new DateTime(2026, 12, 1), field.Instance.Date));
            Assert.Equal(typed, cut.Find("#date-notified").GetAttribute("value"));
            Assert.DoesNotContain("We could not read", Text(cut), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnreadableDate_SaysWhatWasWrong_KeepsTheText_AndSavingSavesNothing()
    {
        var before = await Portal.WithDbAsync(db => db.Reviews.CountAsync());
        var cut = await RenderFormAsync();

        cut.Find("#date-notified").Input("31/02/2026");
        cut.Find("#date-notified").Blur();
        cut.WaitForAssertion(() => Assert.Contains("We could not read '31/02/2026' as a date", Text(cut), StringComparison.Ordinal));

        await cut.Find("#save-notification").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("#form-errors"));
            Assert.Contains("We could not read '31/02/2026' as a date", Text(cut), StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Enter the date the death was notified.", Text(cut), StringComparison.Ordinal);
        Assert.DoesNotContain("Not a valid", Text(cut), StringComparison.Ordinal);
        Assert.Equal("31/02/2026", cut.Find("#date-notified").GetAttribute("value"));
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Reviews.CountAsync()));
    }

    private static string Text(IRenderedComponent<RegisterNotification> cut) => WebUtility.HtmlDecode(cut.Markup);

    private async Task<IRenderedComponent<RegisterNotification>> RenderFormAsync()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var cut = RenderWithProviders<RegisterNotification>();
        cut.WaitForAssertion(() => cut.Find("#date-notified"), TimeSpan.FromSeconds(10));
        return cut;
    }
}
