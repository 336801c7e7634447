using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// An IMR request from the officer's review page to the police contact, who finds it, uploads a Word return (after a
/// wrong file is refused with a clear message); the officer accepts it and downloads it. axe on every page.
[Collection(BrowserCollection.Name)]
public sealed class RequestsEndToEndTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static async Task AssertCleanAsync(PortalPage tab)
    {
        await tab.AssertAccessibleAsync();
        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Officer_SendsImr_ContactUploadsDocx_OfficerAcceptsAndDownloadsIt()
    {
        var reviewId = await _portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var reference = await _portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Reference).SingleAsync());

        await using var officer = await PortalPage.OpenAsync(browser, _portal);
        await officer.SignInAsync(DemoAccounts.LrOfficer);
        await officer.GotoAsync($"reviews/{reviewId}");
        var section = officer.Page.Locator("#information-requests");
        await Assertions.Expect(section.Locator("#requests-empty")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        await officer.ChooseAsync("request-type", "Individual management review (IMR)");
        await officer.ChooseAsync("request-contacts", "Leicestershire Police: Priya Police", multiple: true);
        // The request must say what is needed, for which period and under which terms of reference: each is asked for.
        await section.Locator("#send-request").ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("Say what information the agency is asked for");
        await Assertions.Expect(section).ToContainTextAsync("Enter the first day of the period the information covers.");
        await Assertions.Expect(section).ToContainTextAsync("Say under which terms of reference the information is asked for.");
        await Assertions.Expect(section.Locator("#requests-empty")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        await section.Locator("#request-needed textarea, textarea#request-needed").First.FillAsync("Every contact with the victim and the suspect, and any risk assessments.");
        await section.Locator("#request-period-from").FillAsync("01/01/2024");
        await section.Locator("#request-period-from").PressAsync("Tab");
        await section.Locator("#request-period-to").FillAsync("31/10/2026");
        await section.Locator("#request-period-to").PressAsync("Tab");
        await section.Locator("#request-terms textarea, textarea#request-terms").First.FillAsync("Terms of reference 2 and 4.");
        await section.Locator("#send-request").ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".mud-snackbar")).ToContainTextAsync("The request was sent.");
        var row = section.Locator("#requests-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Leicestershire Police");
        await Assertions.Expect(row).ToContainTextAsync("Sent");
        await AssertCleanAsync(officer);

        await using var contact = await PortalPage.OpenAsync(browser, _portal);
        await contact.SignInAsync(DemoAccounts.AgencyContact);
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Assertions.Expect(contact.Page.Locator("#work-queue")).ToContainTextAsync("Return the IMR information (Leicestershire Police)");
        await AssertCleanAsync(contact);
        await contact.Page.GetByRole(AriaRole.Link, new() { Name = "Requests to my agency" }).ClickAsync();
        await Assertions.Expect(contact.Page.GetByRole(AriaRole.Heading, new() { Name = "Requests to my agency", Level = 1 })).ToBeVisibleAsync();
        var mine = contact.Page.Locator("#agency-requests tbody tr").Filter(new() { HasText = reference });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await AssertCleanAsync(contact);
        await mine.GetByRole(AriaRole.Link, new() { Name = "Individual management review (IMR)" }).ClickAsync();
        await contact.WaitForInteractiveAsync();
        var form = contact.Page.Locator("#return-form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        // The contact reads what is asked of the agency.
        await Assertions.Expect(contact.Page.Locator("#request-needed")).ToHaveTextAsync("Every contact with the victim and the suspect, and any risk assessments.");
        await Assertions.Expect(contact.Page.Locator("#request-period")).ToHaveTextAsync("1 Jan 2024 to 31 Oct 2026");
        await Assertions.Expect(contact.Page.Locator("#request-terms")).ToHaveTextAsync("Terms of reference 2 and 4.");
        await AssertCleanAsync(contact);

        var input = form.Locator("input[type=file]:not(.d-none)");
        await input.SetInputFilesAsync(new FilePayload { Name = "imr.pdf", MimeType = "application/pdf", Buffer = SampleDocuments.Text() });
        await Assertions.Expect(form.Locator(".document-chosen")).ToContainTextAsync("imr.pdf");
        await form.Locator("#upload-return").ClickAsync();
        await Assertions.Expect(form.Locator(".document-error")).ToContainTextAsync("This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document, although its name ends in .pdf");
        await Assertions.Expect(contact.Page.Locator("#request-status")).ToHaveTextAsync("Sent");
        await AssertCleanAsync(contact);

        await input.SetInputFilesAsync(new FilePayload
        {
            Name = "imr.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = SampleDocuments.Docx("Police IMR"),
        });
        await Assertions.Expect(form.Locator(".document-chosen")).ToContainTextAsync("imr.docx");
        await form.Locator("#return-note textarea, textarea#return-note").First.FillAsync("Our IMR, as asked.");
        await form.Locator("#upload-return").ClickAsync();
        await Assertions.Expect(contact.Page.Locator("#request-status")).ToHaveTextAsync("Returned");
        await Assertions.Expect(contact.Page.Locator("#return-versions")).ToContainTextAsync("Download version 1");
        await AssertCleanAsync(contact);

        await officer.GotoAsync($"reviews/{reviewId}");
        await Assertions.Expect(row).ToContainTextAsync("Returned");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await officer.WaitForInteractiveAsync();
        await Assertions.Expect(officer.Page.Locator("#decide-form")).ToBeVisibleAsync();
        await AssertCleanAsync(officer);
        await officer.Page.Locator("#accept-return").ClickAsync();
        await Assertions.Expect(officer.Page.Locator("#request-status")).ToHaveTextAsync("Accepted");

        var download = await officer.Page.RunAndWaitForDownloadAsync(() =>
            officer.Page.GetByRole(AriaRole.Link, new() { Name = "Download version 1" }).ClickAsync());
        Assert.Equal($"{reference}-information-return-v1.docx", download.SuggestedFilename);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(await download.PathAsync()))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
        {
            Assert.Contains("Police IMR", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        await AssertCleanAsync(officer);
    }
}
