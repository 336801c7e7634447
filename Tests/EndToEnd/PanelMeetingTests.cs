using Domain.Panels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Portal.Testing;
using Workflows.Email;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests;

/// Issue 5 in the browser: the officer adds the demo agency contact to a panel and proposes dates; the contact signs in,
/// finds the panel under "My panels" (and not the case), marks availability; the officer picks the date, and the
/// contact's email at maildev carries a calendar invitation for that date.
[Collection(BrowserCollection.Name)]
public sealed class PanelMeetingTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly MailDev _mail = new();
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory(kestrel: true).SendEmailThrough(_mail);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        _mail.Dispose();
    }

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_ProposesDates_MemberMarksAvailability_OfficerPicksTheDate_MemberGetsTheInvitation()
    {
        var reviewId = await _portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var label = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.CaseLabel).SingleAsync());
        var contactName = await _portal.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.AgencyContact).Select(u => u.DisplayName).SingleAsync());
        await _mail.ClearAsync(DemoAccounts.AgencyContact);

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"reviews/{reviewId}");
        await officer.Page.Locator("#panel-link").ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Name = $"Panel: {label}", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Page.Locator("#panel-members-none")).ToBeVisibleAsync();
        await officer.ChooseAsync("member-person", $"{contactName} ({DemoAccounts.AgencyContact})");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Add to panel" }).ClickAsync();
        await Expect(officer.Page.Locator("#panel-members")).ToContainTextAsync("Leicestershire Police");
        await AssertCleanAsync(officer);

        // A date in the past is refused with a clear message; nothing is proposed.
        await officer.Page.Locator("#meeting-title").FillAsync("Panel meeting 1");
        await officer.Page.Locator("#meeting-option-1").FillAsync("2026-11-01T10:00");
        await officer.Page.Locator("#propose-meeting").ClickAsync();
        await Expect(officer.Page.Locator("#meeting-options-error")).ToContainTextAsync("A meeting date already passed");
        await officer.Page.Locator("#meeting-option-1").FillAsync("2026-12-01T10:00");
        await officer.Page.Locator("#meeting-option-2").FillAsync("2026-12-02T14:00");
        await officer.Page.Locator("#propose-meeting").ClickAsync();
        await Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Name = "Panel meeting 1", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.Page.Locator("#poll-counts tbody tr")).ToHaveCountAsync(2);
        await AssertCleanAsync(officer);
        var meetingId = await _portal.WithDbAsync(db => db.PanelMeetings.Where(m => m.ReviewId == reviewId).Select(m => m.Id).SingleAsync());
        var options = await _portal.WithDbAsync(db => db.MeetingOptions.Where(o => o.MeetingId == meetingId).OrderBy(o => o.StartsAtUtc).Select(o => o.Id).ToListAsync());

        await using var member = await PortalPage.OpenAsync(browser, _portal);
        await member.SignInAsync(DemoAccounts.AgencyContact);
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "My panels" }).ClickAsync();
        await Expect(member.Page.Locator("#my-panels")).ToContainTextAsync(label);
        await AssertCleanAsync(member);
        await member.Page.Locator("#my-panels").GetByRole(AriaRole.Link, new() { Name = label }).ClickAsync();
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Panel meeting 1" }).ClickAsync();
        await member.WaitForInteractiveAsync();
        await member.ChooseAsync($"answer-{options[0]}", "Not available");
        await member.ChooseAsync($"answer-{options[1]}", "Available");
        await member.Page.Locator("#save-availability").ClickAsync();
        await Expect(member.Page.Locator("#poll-counts tbody tr").Nth(1)).ToContainTextAsync("1");
        await AssertCleanAsync(member);
        // Panel membership opens no case record.
        await member.GotoAsync($"reviews/{reviewId}");
        await Expect(member.Page.Locator("#no-access")).ToBeVisibleAsync();

        await officer.Page.ReloadAsync();
        await officer.WaitForInteractiveAsync();
        await Expect(officer.Page.Locator("#poll-grid")).ToContainTextAsync("Not available");
        await officer.ChooseAsync("chosen-option", "2 Dec 2026 14:00 (1 available, 0 if need be)");
        await officer.Page.Locator("#meeting-location").FillAsync("Room 2, County Hall");
        await officer.Page.Locator("#schedule-meeting").ClickAsync();
        await Expect(officer.Page.Locator("#meeting-status")).ToHaveTextAsync("Scheduled");
        await Expect(officer.Page.Locator("#meeting-when")).ToContainTextAsync("2 Dec 2026 14:00");
        await AssertCleanAsync(officer);

        await _portal.Get<OutboxDispatcher>().RunOnceAsync();
        var email = Assert.Single(await _mail.WaitForSubjectAsync(DemoAccounts.AgencyContact, $"Panel meeting for {label}"));
        Assert.Contains(label, email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(contactName, email.Text, StringComparison.Ordinal);
        await using var source = await _mail.SourceAsync(email.Id);
        var part = (await MimeMessage.LoadAsync(source)).Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var ics = new MemoryStream();
        await part.Content!.DecodeToAsync(ics);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!;
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal(PanelMeeting.UidFor(meetingId), invite.Uid);
        Assert.Equal(new DateTime(2026, 12, 2, 14, 0, 0, DateTimeKind.Utc), invite.DtStart!.AsUtc);
        Assert.Contains(label, invite.Summary, StringComparison.Ordinal);
        await _mail.ClearAsync(DemoAccounts.AgencyContact);
    }
}
